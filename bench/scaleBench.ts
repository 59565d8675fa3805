/**
 * The core's figures on one large library already written (issue 20: 100,000
 * articles, 1,000,000 annotations; `--write-library DIR` writes it), measured
 * in-process, so they do not wait for a browser: `npm run bench -- --scale DIR`.
 * - first start: counts.json and backups/ removed first (as a library that was
 *   never opened), rolling backups on as in the app: createCore, then the
 *   first window of the library (100 rows);
 * - open an article (getArticle + listAnnotations), save one annotation;
 * - the first corpus search after start;
 * - the first backup (every file read, checked and copied) and the next one
 *   after one save (incremental: only the changed files);
 * - a later start (counts.json and a backup there), and the memory (RSS) of
 *   the process with the library open.
 * Wall time and CPU time are both printed: on a machine shared with other
 * work the wall time is several times the CPU time.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../src/main/core/createCore';
import { makeBackup } from '../src/main/safety/makeBackup';
import { COUNTS_FILE } from '../src/main/store/countsIndex';
import { median } from './benchStats';
import { searchQueries } from './storeBench';

interface Timed<T> {
  value: T;
  wallMs: number;
  cpuMs: number;
}

async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const cpu = process.cpuUsage(cpu0);
  return { value, wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const rssMb = (): number => process.memoryUsage().rss / 2 ** 20;
const fmt = (t: { wallMs: number; cpuMs: number }): string => `${Math.round(t.wallMs)} ms (CPU ${Math.round(t.cpuMs)} ms)`;

/** Runs the measures, printing each line as it is done; returns the lines. */
export async function runScaleBench(dataDir: string, options: { search?: boolean; backups?: boolean; laterOnly?: boolean } = {}): Promise<string[]> {
  if (options.laterOnly) return laterStart(dataDir);
  // Without backups (--scale-no-backups): the start, open, save and search figures alone, in minutes instead of the first backup's quarter hour.
  const backupsOn = options.backups !== false;
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  await rm(join(dataDir, COUNTS_FILE), { force: true });
  await rm(join(dataDir, 'backups'), { recursive: true, force: true });

  // First start: no counts, no backup yet; the rolling backup starts in the background as in the app.
  const queries = await searchQueries(dataDir);
  const first = await timed(() => createCore({ dataDir, corpusDir: 'corpus', backups: backupsOn ? { startDelayMs: 3_000 } : false }));
  const core = first.value;
  const window = await timed(() => core.listArticlesWindow({ offset: 0, limit: 100 }));
  say(`first start (no counts.json, no backup): data folder open ${fmt(first)}, first window of 100 rows ${fmt(window)}; start → rows ${Math.round(first.wallMs + window.wallMs)} ms`);
  const ids = (await core.listArticlesWindow({ offset: 5_000, limit: 20 })).rows.map((r) => r.id);
  const opens: number[] = [];
  for (const id of ids.slice(0, 9)) {
    const t0 = performance.now();
    await core.getArticle({ id });
    await core.listAnnotations({ articleId: id });
    opens.push(performance.now() - t0);
  }
  say(`open an article (getArticle + listAnnotations): first ${Math.round(opens[0]!)} ms, median ${median(opens).toFixed(1)} ms`);
  const saves: number[] = [];
  for (const [k, id] of ids.slice(9, 20).entries()) {
    const { text } = await core.getArticle({ id });
    const end = Math.min(text.length, 20 + k);
    const t0 = performance.now();
    await core.createAnnotation({ articleId: id, tagId: 'claim', start: 0, end });
    saves.push(performance.now() - t0);
  }
  say(`save one annotation until durable: median ${median(saves).toFixed(1)} ms (rolling backup running meanwhile)`);
  if (options.search !== false) {
    await rm(join(dataDir, 'derived', 'search'), { recursive: true, force: true });
    const search = await timed(() => core.searchCorpus({ query: queries[1]! }));
    say(`first search ever ("${queries[1]}", ${search.value.total} hits in ${search.value.articles} articles; builds the word index of every text): ${fmt(search)}`);
  }
  say(`memory of the process with the library open: ${Math.round(rssMb())} MB RSS`);
  await core.close(); // stops the start-up backup part way if it still runs

  if (backupsOn) {
    const full = await timed(() => makeBackup(dataDir));
    say(`first backup (every file read, checked, copied): ${fmt(full)}, ${full.value.files.length} files`);
    const again = await createCore({ dataDir, corpusDir: 'corpus', backups: false });
    const [row] = (await again.listArticlesWindow({ offset: 7, limit: 1 })).rows;
    await again.createAnnotation({ articleId: row!.id, tagId: 'claim', start: 0, end: 12 });
    await again.close();
    const incremental = await timed(() => makeBackup(dataDir));
    say(`next backup after one save (incremental: unchanged files linked): ${fmt(incremental)}, made: ${incremental.value.made ? 'yes' : 'no'}`);
    const idle = await timed(() => makeBackup(dataDir));
    say(`a look with nothing changed: ${fmt(idle)}, made: ${idle.value.made ? 'yes' : 'no'}`);
  }

  const later = await timed(() => createCore({ dataDir, corpusDir: 'corpus', backups: backupsOn ? { startDelayMs: 3_000 } : false }));
  const laterWindow = await timed(() => later.value.listArticlesWindow({ offset: 0, limit: 100 }));
  say(`later start (counts.json and a backup there): data folder open ${fmt(later)}, first window ${fmt(laterWindow)}; start → rows ${Math.round(later.wallMs + laterWindow.wallMs)} ms`);
  if (options.search !== false) {
    for (const query of queries.slice(2)) {
      const search = await timed(() => later.value.searchCorpus({ query }));
      say(`search after start, word index on disk ("${query}", ${search.value.total} hits in ${search.value.articles} articles): ${fmt(search)}`);
    }
  }
  say(`memory of the process with the library open after searches: ${Math.round(rssMb())} MB RSS`);
  const closing = await timed(() => later.value.close());
  say(`close: ${fmt(closing)}`);
  return lines;
}

/**
 * A later start alone, in a fresh process (--scale-later: after one full
 * --scale run, so counts.json, the index.json check memo and the word index
 * are there): the data folder open, the first window, one search per query
 * (word index on disk), and the memory of the process with the library open.
 */
async function laterStart(dataDir: string): Promise<string[]> {
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  const queries = await searchQueries(dataDir);
  say(`memory before the data folder is open: ${Math.round(rssMb())} MB RSS`);
  const later = await timed(() => createCore({ dataDir, corpusDir: 'corpus', backups: false }));
  const window = await timed(() => later.value.listArticlesWindow({ offset: 0, limit: 100 }));
  say(`later start: data folder open ${fmt(later)}, first window ${fmt(window)}; start → rows ${Math.round(later.wallMs + window.wallMs)} ms`);
  say(`memory of the process with the library open: ${Math.round(rssMb())} MB RSS`);
  // What the search screen does when it opens (an empty query readies the index: brought up to date with the library).
  const ready = await timed(() => later.value.searchCorpus({ query: '' }));
  say(`search screen opened (the word index brought up to date, nothing found): ${fmt(ready)}`);
  for (const query of queries) {
    const search = await timed(() => later.value.searchCorpus({ query, limit: 500 }));
    say(`search ("${query}", ${search.value.total} hits in ${search.value.articles} articles, ${search.value.hits.length} returned): ${fmt(search)}`);
  }
  say(`memory of the process with the library open after ${queries.length} searches: ${Math.round(rssMb())} MB RSS`);
  await later.value.close();
  return lines;
}

/** Waits until the process has been (nearly) idle for a second: the start's clean-ups have no promise to await. */
async function untilQuiet(): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    const cpu0 = process.cpuUsage();
    await new Promise((done) => setTimeout(done, 1000));
    const cpu = process.cpuUsage(cpu0);
    if ((cpu.user + cpu.system) / 1000 < 20) return;
  }
}

/**
 * Corpus search at scale (issue 20), in a fresh process each: with `build`,
 * the word index removed and built again from the texts (its CPU, wall and
 * the process's peak RSS), then the searches; without, a start and the very
 * first search after it (no search screen readied before), then the others.
 * `waitForCounts`: the first search waits for the start's background work
 * (counts check, clean-ups), so its CPU is the search's alone.
 */
/** What runSearchScaleBench measured (wall and CPU ms of this process), for the bench's target table. */
export interface SearchScaleFigures {
  lines: string[];
  start: { wallMs: number; cpuMs: number };
  build: { wallMs: number; cpuMs: number; peakMb: number } | null;
  searches: { query: string; total: number; wallMs: number; cpuMs: number }[];
  rssMb: number;
}

export async function runSearchScaleBench(dataDir: string, options: { build: boolean; waitForCounts?: boolean; firstQuery?: string }): Promise<SearchScaleFigures> {
  const lines: string[] = [];
  const searches: SearchScaleFigures['searches'] = [];
  let built: SearchScaleFigures['build'] = null;
  const say = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  const drawn = await searchQueries(dataDir);
  // --scale-query Q: Q is the first search after the start (a phrase, say), then the others.
  const queries = options.firstQuery ? [options.firstQuery, ...drawn.filter((q) => q !== options.firstQuery)] : drawn;
  if (options.build) await rm(join(dataDir, 'derived', 'search'), { recursive: true, force: true });
  const start = await timed(() => createCore({ dataDir, corpusDir: 'corpus', backups: false }));
  const core = start.value;
  const window = await timed(() => core.listArticlesWindow({ offset: 0, limit: 100 }));
  say(`start: data folder open ${fmt(start)}, first window ${fmt(window)}`);
  if (options.waitForCounts) {
    const counted = await timed(async () => {
      await core.listArticles({});
      await untilQuiet();
    });
    say(`start's background work awaited (counts check, clean-ups): ${fmt(counted)}`);
  }
  if (options.build) {
    const rss0 = rssMb();
    const build = await timed(() => core.searchCorpus({ query: '' }));
    built = { wallMs: build.wallMs, cpuMs: build.cpuMs, peakMb: process.resourceUsage().maxRSS / 1024 };
    say(`word index built from nothing (${core.dataDir}): ${fmt(build)}; RSS ${Math.round(rss0)} MB before, ${Math.round(rssMb())} MB after, peak of the process ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  }
  for (const [k, query] of queries.entries()) {
    const search = await timed(() => core.searchCorpus({ query, limit: 500 }));
    searches.push({ query, total: search.value.total, wallMs: search.wallMs, cpuMs: search.cpuMs });
    const which = k === 0 && !options.build ? 'first search after the start' : 'search';
    say(`${which} ("${query}", ${search.value.total} hits in ${search.value.articles} articles, ${search.value.hits.length} returned): ${fmt(search)}`);
  }
  const rss = rssMb();
  say(`memory of the process after ${queries.length} searches: ${Math.round(rss)} MB RSS, peak ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  await core.close();
  return { lines, start: { wallMs: start.wallMs + window.wallMs, cpuMs: start.cpuMs + window.cpuMs }, build: built, searches, rssMb: rss };
}
