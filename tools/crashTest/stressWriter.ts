/**
 * Entry of the stress writer (built to out/tools/stressWriter.js), the process
 * the kill loop kills: takes the data folder's lock (a stale one, left by
 * the previous writer's death, is taken over), opens the core with rolling
 * backups on a short interval, and writes annotations without end (see
 * stressWrites), printing one JSON event per line to stdout. An `ack` line is
 * printed only after the core's promise resolved, i.e. the write is on disk.
 *
 *   node out/tools/stressWriter.js --data DIR --seed N [--max-writes N] [--backup-interval MS]
 */
import { parseArgs } from 'node:util';
import { bundledCorpusDir } from '../../src/main/import/bundledCorpusDir';
import { createCore } from '../../src/main/core/createCore';
import { acquireDataFolderLock } from '../../src/main/store/dataFolderLock';
import { runStressWrites } from './stressWrites';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'max-writes': { type: 'string' },
      'backup-interval': { type: 'string', default: '250' },
    },
    strict: true,
  });
  if (!values.data) throw new Error('--data DIR is required');
  const lock = await acquireDataFolderLock(values.data);
  process.on('exit', () => lock.releaseSync());
  const core = await createCore({
    dataDir: values.data,
    corpusDir: bundledCorpusDir(),
    creator: 'stress',
    backups: { intervalMs: Number(values['backup-interval']), keep: 5 },
    // counts.json written often, so kills land in its writes too (and the loop checks it against the annotation files).
    countsDelayMs: 20,
  });
  await runStressWrites(core, {
    seed: Number(values.seed),
    maxWrites: values['max-writes'] === undefined ? undefined : Number(values['max-writes']),
    // Synchronous on pipes and files: the line is out before the next write begins.
    emit: (event) => void process.stdout.write(`${JSON.stringify(event)}\n`),
  });
  await core.close();
  await lock.release();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`stress writer: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
