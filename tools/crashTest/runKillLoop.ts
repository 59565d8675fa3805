/**
 * Entry of the kill loop (built to out/tools/runKillLoop.js;
 * `npm run stress:kill -- --kills 1000`). Runs the built stress writer beside
 * it on a data folder (a new temporary one unless --data is given), kills it
 * again and again, checks after every kill (see killLoop) and prints one
 * summary line to stdout:
 *
 *   kills: N, acknowledged writes checked: N, files checked: N, failures: N (…)
 *
 * Failures and progress go to stderr. Exit 0 only with no failures. A
 * temporary folder is removed at the end unless there were failures (then
 * its path is printed, for a look) or --keep is given.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { killLoopSummary, runKillLoop } from './killLoop';

export const KILL_LOOP_USAGE = `Usage: npm run stress:kill -- [--kills N] [--seed N] [--data DIR] [--keep]
  --kills N   how many times to kill the writer (default 50)
  --seed N    seed of the random kill moments and writes (default 1)
  --data DIR  data folder to use (default: a new temporary folder)
  --keep      keep the temporary folder`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        kills: { type: 'string', default: '50' },
        seed: { type: 'string', default: '1' },
        data: { type: 'string' },
        keep: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`kill loop: ${error instanceof Error ? error.message : String(error)}\n${KILL_LOOP_USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(KILL_LOOP_USAGE);
    return 0;
  }
  const kills = Number(values.kills);
  const seed = Number(values.seed);
  if (!Number.isInteger(kills) || kills < 1 || !Number.isInteger(seed) || seed < 0) {
    console.error(`kill loop: --kills and --seed must be whole numbers (kills at least 1)\n${KILL_LOOP_USAGE}`);
    return 2;
  }
  const temporary = values.data === undefined;
  const dataDir = temporary ? mkdtempSync(join(tmpdir(), 'triangulate-kill-')) : resolve(process.env.INIT_CWD ?? process.cwd(), values.data!);
  const writerPath = join(dirname(fileURLToPath(import.meta.url)), 'stressWriter.js');
  console.error(`kill loop: ${kills} kills of ${writerPath} on ${dataDir} (seed ${seed})`);

  const result = await runKillLoop({ kills, seed, dataDir, writerPath, log: (line) => console.error(`kill loop: ${line}`) });
  console.log(killLoopSummary(result));
  if (temporary && !values.keep && result.failures.length === 0) rmSync(dataDir, { recursive: true, force: true });
  else console.error(`kill loop: the data folder is kept at ${dataDir}`);
  return result.failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`kill loop: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
