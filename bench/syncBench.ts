/**
 * Benchmarks team sync (issue 16: a 10,000-article library with 100 changed
 * annotations syncs in ≤ 5 s): two coders' copies of the synthetic library
 * and a bare repository on disk. Measures the first link (every file
 * committed), receiving the library into an empty folder, and then, `runs`
 * times: coder A edits 100 annotations (in 100 articles) and syncs (commit,
 * fetch, push); coder B edits 100 others and syncs (commit, fetch, three-way
 * merge of A's 100 files, write, push); A syncs again (receives B's 100).
 * Also the header's sync status with 100 files changed (as the app asks for
 * it after every change). Each figure is wall time and this process's CPU
 * time (user + system), medians; returns the lines it printed.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DataStore } from '../src/main/store/dataStore';
import { readSyncStatus } from '../src/main/sync/readSyncStatus';
import { syncDataFolder } from '../src/main/sync/syncDataFolder';
import { median } from './benchStats';
import { syntheticCorpus } from './syntheticCorpus';
import { writeBenchLibrary } from './writeBenchLibrary';

const TARGET_MS = 5000;
const CHANGED = 100;

/** Wall and CPU milliseconds of one measure. */
interface Took {
  wall: number;
  cpu: number;
}

export async function runSyncBench(root: string, size: number, runs: number): Promise<string[]> {
  const started = performance.now();
  const remote = join(root, `sync-remote-${size}.git`);
  await mkdir(remote, { recursive: true });
  const lib = await writeBenchLibrary(join(root, `sync-a-${size}`), syntheticCorpus(size, { seed: 1 }), { annotationsPerArticle: 10, seed: 7 });
  const a = lib.dataDir;
  const b = join(root, `sync-b-${size}`);
  let last = 0;
  const step = process.env.TRI_SYNC_STEPS
    ? (name: string) => {
        const t = performance.now();
        console.log(`      ${name} +${Math.round(t - last)} ms`);
        last = t;
      }
    : undefined;
  const sync = (dataDir: string, coder: string, first = false) => {
    last = performance.now();
    return syncDataFolder({ dataDir, coder, newSettings: { creator: coder }, step, ...(first ? { remote } : {}) });
  };
  const time = async (run: () => Promise<unknown>): Promise<Took> => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await run();
    const c = process.cpuUsage(c0);
    return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
  };
  const shown = (t: Took): string => `${Math.round(t.wall)} ms (CPU ${Math.round(t.cpu)} ms)`;
  const middle = (list: Took[]): Took => ({ wall: median(list.map((t) => t.wall)), cpu: median(list.map((t) => t.cpu)) });
  const lines: string[] = [];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  say(`  ${size.toLocaleString('en')} articles, ${lib.annotations.toLocaleString('en')} annotations:`);
  say(`    first link (every file committed and pushed): ${shown(await time(() => sync(a, 'ana', true)))}`);
  say(`    receive the library into an empty folder: ${shown(await time(() => sync(b, 'ben', true)))}`);
  const send: Took[] = [];
  const merge: Took[] = [];
  const receive: Took[] = [];
  const status: Took[] = [];
  for (let run = 0; run < runs; run++) {
    await editAnnotations(a, run * 2 * CHANGED, `ana ${run}`);
    // The first read of the status in a process parses sync's record; the app asks again after every change.
    await readSyncStatus(a);
    status.push(await time(() => readSyncStatus(a)));
    send.push(await time(() => sync(a, 'ana')));
    await editAnnotations(b, (run * 2 + 1) * CHANGED, `ben ${run}`);
    merge.push(await time(() => sync(b, 'ben')));
    receive.push(await time(() => sync(a, 'ana')));
  }
  const verdict = (t: Took) => (t.wall <= TARGET_MS ? 'yes' : 'NO');
  say(`    ${CHANGED} changed annotations, send (commit + fetch + push): ${shown(middle(send))} (target ≤ ${TARGET_MS} ms: ${verdict(middle(send))})`);
  say(`    ${CHANGED} changed on each side, merge (commit + fetch + merge + write + push): ${shown(middle(merge))} (${verdict(middle(merge))})`);
  say(`    receive ${CHANGED} changed annotations (fetch + write): ${shown(middle(receive))} (${verdict(middle(receive))})`);
  say(`    sync status with ${CHANGED} files changed (header, after each change): ${shown(middle(status))}`);
  for (const dir of [a, b, remote]) await rm(dir, { recursive: true, force: true });
  say(`    (this size's sync bench took ${Math.round((performance.now() - started) / 1000)} s, library writing included)`);
  return lines;
}

/** Changes the note of the first annotation of `CHANGED` articles, from article `from` on, as the app saves them. */
async function editAnnotations(dataDir: string, from: number, note: string): Promise<void> {
  const store = (await DataStore.open(dataDir))!;
  const articles = store.articles();
  for (let i = 0; i < CHANGED; i++) {
    const id = articles[(from + i) % articles.length]!.id;
    await store.updateAnnotations(id, (current) => ({
      annotations: current.map((x, k) => (k === 0 ? { ...x, note, modified: new Date().toISOString() } : x)),
      result: undefined,
    }));
  }
  await store.close();
}
