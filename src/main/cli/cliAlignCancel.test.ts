/**
 * `align` over a library the worker takes (more than 200 articles): progress
 * lines on stderr, and Ctrl-C (SIGINT) stops it with exit code 130, leaving
 * the previous alignment index and results as they were and no staging
 * folder behind.
 */
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAlign } from './cliAlign';
import { createCore } from '../core/createCore';
import { recordingIo } from '../../../tools/testSupport/recordingIo';
import { buildTestWorker } from '../../../tools/testSupport/buildTestWorker';
import { ALIGN_INDEX_DIR } from '../alignment/alignmentIndex';
import { KEPT_ALIGNMENT_FILE, readKeptAlignment } from '../core/keptLibraryAlignment';

const ARTICLES = 230;

let dir: string;
let workerFile: string;
let removeWorker: () => Promise<void>;
let dataDir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-align-cancel-'));
  ({ workerFile, remove: removeWorker } = await buildTestWorker('src/main/alignment/alignWorker.ts'));
  // Short made-up articles, each fifth one repeating a council statement word for word.
  const corpus = join(dir, 'corpus');
  await fs.mkdir(corpus);
  for (let n = 0; n < ARTICLES; n++) {
    const shared = n % 5 === 0 ? 'The council said on Tuesday that the new bridge over the river would open in the spring after two years of delays and rising costs. ' : '';
    const own = Array.from({ length: 30 }, (_, k) => `word${(n * 31 + k * 7) % 997}`).join(' ');
    await fs.writeFile(join(corpus, `a${String(n).padStart(3, '0')}.txt`), `Report number ${n}\n\n${shared}Local report ${n}: ${own}.\n`);
  }
  dataDir = join(dir, 'data');
  const core = await createCore({ dataDir, corpusDir: corpus, creator: 'ana', backups: false });
  await core.close();
}, 180_000);
afterAll(async () => {
  await removeWorker();
  await fs.rm(dir, { recursive: true, force: true });
});

async function derivedEntries(): Promise<string[]> {
  // The alignment's entries (the folder holds other derived data too).
  return (await fs.readdir(join(dataDir, 'derived')).catch(() => [])).filter((name) => name.startsWith('align') || name.startsWith('library-alignment')).sort();
}

describe('align over a library the worker takes', () => {
  it('prints progress lines to stderr and keeps the groups for the app', async () => {
    const io = recordingIo(dir);
    expect(await runAlign(['--data', dataDir, '--json'], io, { workerFile })).toBe(0);
    expect(io.stderr.some((l) => /^align: reading articles [\d,]+ \/ 230 \(\d+\.\d s; Ctrl-C cancels\)$/.test(l))).toBe(true);
    expect(io.stderr.some((l) => /^align: writing the alignment index 230 \/ 230/.test(l))).toBe(true);
    const groups = JSON.parse(io.stdout.join('\n')) as unknown[];
    const kept = await readKeptAlignment(dataDir);
    expect(kept?.articles).toHaveLength(ARTICLES);
    expect(kept?.groups).toHaveLength(groups.length);
    expect(kept?.groups.some((g) => g.passages.length >= ARTICLES / 5 && g.passages[0]!.exact.includes('new bridge over the river'))).toBe(true);
    expect(await derivedEntries()).toEqual(['align-index', 'library-alignment.jsonl']);
  }, 120_000);

  it('Ctrl-C stops it with exit code 130; the previous index and results stay whole, nothing half-written is left', async () => {
    const keptBefore = await fs.readFile(join(dataDir, KEPT_ALIGNMENT_FILE));
    const postingsBefore = await fs.readFile(join(dataDir, ALIGN_INDEX_DIR, 'postings.bin'));
    const listeners = process.listeners('SIGINT');
    const io = recordingIo(dir);
    let interrupted = false;
    const interrupting = {
      ...io,
      err: (line: string) => {
        io.err(line);
        if (!interrupted && line.startsWith('align: reading')) {
          interrupted = true;
          // What Ctrl-C runs: the SIGINT listener align added (the test runner's own are left alone).
          for (const listener of process.listeners('SIGINT')) if (!listeners.includes(listener)) (listener as () => void)();
        }
      },
    };
    const code = await runAlign(['--data', dataDir], interrupting, { workerFile });
    expect(code).toBe(130);
    expect(interrupted).toBe(true);
    expect(io.stderr).toContain('align: cancelling (Ctrl-C); the previous alignment index and results are kept');
    expect(io.stderr.at(-1)).toBe('triangulate align: The alignment was cancelled.');
    expect(io.stdout).toEqual([]);
    // Buffer.equals: a deep toEqual over the 4 MB postings file takes minutes.
    expect((await fs.readFile(join(dataDir, KEPT_ALIGNMENT_FILE))).equals(keptBefore)).toBe(true);
    expect((await fs.readFile(join(dataDir, ALIGN_INDEX_DIR, 'postings.bin'))).equals(postingsBefore)).toBe(true);
    expect(await derivedEntries()).toEqual(['align-index', 'library-alignment.jsonl']);
    expect(process.listeners('SIGINT')).toEqual(listeners);
  }, 120_000);
});
