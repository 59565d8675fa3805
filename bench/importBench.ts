/**
 * The import of 1,000 saved news pages (issue 14), for `npm run bench`: the
 * pages of the extraction set (bench/extraction-set, ~100 KB each), each
 * copy made a distinct article (a line of its own in its first paragraph),
 * written as .html files into a folder and imported by the built command
 * line (`out/main/cli.js import`: the core, its import workers, the store)
 * into a new data folder, under /usr/bin/time when there is one: wall time,
 * CPU time (user + system, every thread of the process) and the process's
 * peak RSS.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { readHtmlArticle } from '../src/main/import/html/readHtmlArticle';
import { readPageMetadata } from '../src/main/import/html/readPageMetadata';
import { loadExtractionSet } from './extractionBench';

export interface ImportFigures {
  pages: number;
  imported: number;
  duplicates: number;
  failed: number;
  averageKb: number;
  seconds: number;
  /** User + system seconds of the importing process (null without /usr/bin/time). */
  cpuSeconds: number | null;
  peakRssMb: number | null;
  /** CPU seconds of the CLI's main thread and of its other threads (the import workers, the GC's and the file system's), from /proc; null without it. */
  mainThreadCpuSeconds: number | null;
  otherThreadsCpuSeconds: number | null;
  /** The machine's load average over the last minute when the import started. */
  loadAverage: number;
}

/** Writes `count` distinct pages made from the extraction set into `dir`; their average size in KB. */
export function writeImportPages(setDir: string, dir: string, count: number): number {
  const pages = loadExtractionSet(setDir);
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let n = 0; n < count; n++) {
    const page = pages[n % pages.length]!;
    const mark = ` Copy ${n + 1} of the page, a line no other copy has.`;
    // After the end of one of the article's paragraphs as found in the page's markup, so that the article's text differs
    // from every other copy's; and its own address, so that it is a new article, not a new version of the first copy.
    const at = markAt(page.html);
    let html = at < 0 ? `${page.html}<p>${mark}</p>` : `${page.html.slice(0, at)}${mark}${page.html.slice(at)}`;
    const url = readPageMetadata(page.html).canonicalUrl;
    if (url) html = html.split(url).join(`${url}${url.includes('?') ? '&' : '?'}copy=${n + 1}`);
    writeFileSync(join(dir, `${String(n + 1).padStart(4, '0')}-${page.name}.html`), html);
    bytes += Buffer.byteLength(html);
  }
  return bytes / count / 1024;
}

/** Where in the page the end of one of its article's paragraphs is written as it is in the text (-1: nowhere). */
function markAt(html: string): number {
  const read = readHtmlArticle(html);
  const paragraphs = read.ok ? read.draft.text.split('\n\n').sort((a, b) => b.length - a.length) : [];
  for (const paragraph of paragraphs) {
    const end = paragraph.slice(-24);
    const at = html.indexOf(end);
    if (at >= 0) return at + end.length;
  }
  return -1;
}

/** CPU seconds of each thread of a process, from /proc (Linux; empty elsewhere or when it has gone). */
function threadCpuSeconds(pid: number): Map<number, number> {
  const seconds = new Map<number, number>();
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return seconds;
  }
  for (const tid of tids) {
    try {
      // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15, in clock ticks (100 a second).
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      seconds.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return seconds;
}

/** The process /usr/bin/time started (its only child), once it runs. */
function childOf(pid: number): number | null {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return children ? Number(children.split(' ')[0]) : null;
  } catch {
    return null;
  }
}

/** Imports the pages in `pagesDir` into a new data folder `dataDir` with the built CLI of `appDir`. */
export async function measureImport(appDir: string, pagesDir: string, dataDir: string, averageKb: number): Promise<ImportFigures> {
  mkdirSync(dataDir, { recursive: true });
  const cli = join(appDir, 'main', 'cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} is not built (npm run build)`);
  // A first import of one short page makes the data folder (and its default corpus): not part of the figure.
  const first = join(dataDir, '..', 'first-page.html');
  writeFileSync(first, '<html><body><article><p>A first page, so that the data folder exists before the import that is timed.</p></article></body></html>');
  const warm = spawnSync(process.execPath, [cli, 'import', '--data', dataDir, first], { encoding: 'utf8' });
  if (warm.status !== 0) throw new Error(`the first import failed (exit ${warm.status}): ${warm.stderr.slice(-2000)}`);
  const timed = existsSync('/usr/bin/time');
  const command = timed ? '/usr/bin/time' : process.execPath;
  const args = [...(timed ? ['-v', process.execPath] : []), cli, 'import', '--data', dataDir, pagesDir];
  const loadAverage = loadavg()[0]!;
  const t0 = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  // Each thread's CPU time, sampled until it ends (the last sample of a thread stands for all of it: at most 50 ms short).
  const threads = new Map<number, number>();
  let nodePid: number | null = timed ? null : child.pid!;
  const sample = setInterval(() => {
    nodePid ??= childOf(child.pid!);
    if (nodePid !== null) for (const [tid, cpu] of threadCpuSeconds(nodePid)) threads.set(tid, cpu);
  }, 50);
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  clearInterval(sample);
  const seconds = (performance.now() - t0) / 1000;
  // The CLI groups digits ("1,000 articles"); an older build's plain figures read the same.
  const summary = /Imported ([\d,]+) articles?(?:.*?([\d,]+) duplicates?)?(?:.*?([\d,]+) files? failed)?/.exec(stdout);
  if (!summary) throw new Error(`the import failed (exit ${status}): ${stderr.slice(-2000)}`);
  const field = (name: string): number | null => {
    const match = new RegExp(`${name}: ([\\d.]+)`).exec(stderr);
    return match ? Number(match[1]) : null;
  };
  const user = field('User time \\(seconds\\)');
  const system = field('System time \\(seconds\\)');
  const maxRssKb = field('Maximum resident set size \\(kbytes\\)');
  const sampled = [...threads.values()].reduce((sum, cpu) => sum + cpu, 0);
  const mainThread = nodePid === null ? null : (threads.get(nodePid) ?? null);
  return {
    pages: readdirSync(pagesDir).length,
    imported: Number(summary[1]!.replaceAll(',', '')),
    duplicates: Number((summary[2] ?? '0').replaceAll(',', '')),
    failed: Number((summary[3] ?? '0').replaceAll(',', '')),
    averageKb,
    seconds,
    cpuSeconds: user !== null && system !== null ? user + system : null,
    peakRssMb: maxRssKb === null ? null : maxRssKb / 1024,
    mainThreadCpuSeconds: threads.size > 0 ? mainThread : null,
    otherThreadsCpuSeconds: threads.size > 0 && mainThread !== null ? sampled - mainThread : null,
    loadAverage,
  };
}

/**
 * Pages a second on an idle machine of `cores` cores, from what a page costs: the import runs at the pace of the
 * busier of the main thread alone and all threads shared over the cores (the workers kept busy, reading and
 * storing overlapping the extraction), at most the measured parallel efficiency's worth of cores when that is lower.
 */
export function idlePagesPerSecond(f: ImportFigures, cores = 2): number | null {
  if (f.cpuSeconds === null) return null;
  const totalMs = (f.cpuSeconds * 1000) / f.pages;
  const mainMs = f.mainThreadCpuSeconds === null ? 0 : (f.mainThreadCpuSeconds * 1000) / f.pages;
  return 1000 / Math.max(mainMs, totalMs / cores);
}

export function printImport(f: ImportFigures): string[] {
  const lines = [
    `  import of ${f.pages.toLocaleString('en')} saved pages (${f.averageKb.toFixed(0)} KB on average) by the CLI: ${(f.pages / f.seconds).toFixed(0)} pages/s wall (${f.seconds.toFixed(1)} s, load average ${f.loadAverage.toFixed(1)} on ${cpus().length} cores); peak RSS ${f.peakRssMb === null ? '—' : `${f.peakRssMb.toFixed(0)} MB`}; ${f.imported} articles stored, ${f.duplicates} duplicates, ${f.failed} failed; targets 100 pages/s, 500 MB`,
  ];
  if (f.cpuSeconds !== null) {
    const perPage = (s: number | null): string => (s === null ? '—' : `${((s * 1000) / f.pages).toFixed(1)}`);
    const idle = idlePagesPerSecond(f);
    lines.push(
      `  CPU per page (user + system, every thread of the CLI process): ${perPage(f.cpuSeconds)} ms (main thread ${perPage(f.mainThreadCpuSeconds)}, import workers and other threads ${perPage(f.otherThreadsCpuSeconds)}); ${(f.pages / f.cpuSeconds).toFixed(0)} pages per CPU-second; parallel efficiency ${(f.cpuSeconds / f.seconds).toFixed(2)} CPU-s per wall-s (of at most ${cpus().length}; lower while other processes share the cores)`,
      `  estimate on an idle ${cpus().length}-core machine at these CPU costs: ${idle === null ? '—' : idle.toFixed(0)} pages/s (the busier of the main thread alone and all threads over ${cpus().length} cores); CPU ms measured under load run higher than on an idle machine`,
    );
  }
  return lines;
}
