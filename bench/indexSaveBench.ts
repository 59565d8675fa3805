/**
 * A save that rewrites index.json, on a large library (issue 20: 42 MB at
 * 100,000 articles), through the core: `--index-save DIR [--runs N]`.
 * The data folder is opened (no backups) and its start's background count
 * check allowed to finish, then:
 * - N edits of one article's note (updateArticle), one at a time with a
 *   pause after each: the save itself (wall and CPU until it returned), and
 *   the save with what the store did for it afterwards (the CPU of the save
 *   and the pause after it: the library head's write, when it is not in the
 *   save);
 * - N edits in a row, as fast as they come (an import's calls), then close:
 *   wall and CPU until the last returned, and until close (every pending
 *   write, the head's included, done).
 * - the library head's own work, which a save did inside it before session 11
 *   (index.json's signature, the head file read, the head made: outlets over
 *   every article; written with fsync), N times on the library as saved.
 * Wall time and CPU time (the whole process: every thread) are both printed.
 */
import { performance } from 'node:perf_hooks';
import { createCore } from '../src/main/core/createCore';
import { DataStore } from '../src/main/store/dataStore';
import { indexSignature, libraryHeadOf, readRecordedHead, writeLibraryHead } from '../src/main/store/libraryHead';
import { median } from './benchStats';

/** Longer than any coalescing delay of the store's derived writes: what a save leaves to do is done by then. */
const PAUSE_MS = 1_500;

const cpuMsSince = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const f = (v: number): string => (v >= 100 ? `${Math.round(v)}` : v.toFixed(1));

export async function runIndexSaveBench(dataDir: string, runs: number): Promise<void> {
  const open0 = performance.now();
  const core = await createCore({ dataDir, corpusDir: 'corpus', backups: false });
  let window = await core.listArticlesWindow({ offset: 0, limit: 100 });
  while (window.countsPending > 0) {
    await sleep(500);
    window = await core.listArticlesWindow({ offset: 0, limit: 100 });
  }
  console.log(`  data folder open and counted: ${Math.round(performance.now() - open0)} ms; ${window.libraryTotal.toLocaleString('en')} articles`);
  await sleep(PAUSE_MS);
  const ids = window.rows.map((r) => r.id);
  const stamp = Date.now().toString(36);

  const wall: number[] = [];
  const cpu: number[] = [];
  const cpuWithAfter: number[] = [];
  for (let k = 0; k < runs; k++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await core.updateArticle({ id: ids[k % ids.length]!, note: `index save bench ${stamp} ${k}` });
    wall.push(performance.now() - t0);
    cpu.push(cpuMsSince(cpu0));
    await sleep(PAUSE_MS);
    cpuWithAfter.push(cpuMsSince(cpu0));
  }
  console.log(`  one save at a time (${runs}): wall median ${f(median(wall))} ms (${wall.map(f).join(', ')})`);
  console.log(`    CPU until it returned: median ${f(median(cpu))} ms (${cpu.map(f).join(', ')})`);
  console.log(`    CPU with the ${PAUSE_MS} ms after it (what the store did for it later): median ${f(median(cpuWithAfter))} ms`);

  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let k = 0; k < runs; k++) await core.updateArticle({ id: ids[k % ids.length]!, note: `index save bench ${stamp} burst ${k}` });
  const burstWall = performance.now() - t0;
  const burstCpu = cpuMsSince(cpu0);
  await core.close();
  console.log(
    `  ${runs} saves in a row: until the last returned ${Math.round(burstWall)} ms (CPU ${Math.round(burstCpu)} ms), ${f(burstWall / runs)} ms a save; until close ${Math.round(performance.now() - t0)} ms (CPU ${Math.round(cpuMsSince(cpu0))} ms)`,
  );

  const store = (await DataStore.open(dataDir))!;
  await store.close();
  const headWall: number[] = [];
  const headCpu: number[] = [];
  for (let k = 0; k < runs; k++) {
    const c0 = process.cpuUsage();
    const h0 = performance.now();
    const signature = (await indexSignature(dataDir))!;
    await readRecordedHead(dataDir);
    await writeLibraryHead(dataDir, libraryHeadOf(signature, [...store.articles()], [...store.codebook()]));
    headWall.push(performance.now() - h0);
    headCpu.push(cpuMsSince(c0));
  }
  console.log(`  the head's own work (signature, head read, made, written with fsync), ${runs} times: wall median ${f(median(headWall))} ms, CPU median ${f(median(headCpu))} ms (${headCpu.map(f).join(', ')})`);
}
