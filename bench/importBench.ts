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
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
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

/** Imports the pages in `pagesDir` into a new data folder `dataDir` with the built CLI of `appDir`. */
export function measureImport(appDir: string, pagesDir: string, dataDir: string, averageKb: number): ImportFigures {
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
  const t0 = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  const summary = /Imported (\d+) articles?(?:.*?(\d+) duplicates?)?(?:.*?(\d+) files? failed)?/.exec(run.stdout);
  if (!summary) throw new Error(`the import failed (exit ${run.status}): ${run.stderr.slice(-2000)}`);
  const field = (name: string): number | null => {
    const match = new RegExp(`${name}: ([\\d.]+)`).exec(run.stderr);
    return match ? Number(match[1]) : null;
  };
  const user = field('User time \\(seconds\\)');
  const system = field('System time \\(seconds\\)');
  const maxRssKb = field('Maximum resident set size \\(kbytes\\)');
  return {
    pages: readdirSync(pagesDir).length,
    imported: Number(summary[1]),
    duplicates: Number(summary[2] ?? 0),
    failed: Number(summary[3] ?? 0),
    averageKb,
    seconds,
    cpuSeconds: user !== null && system !== null ? user + system : null,
    peakRssMb: maxRssKb === null ? null : maxRssKb / 1024,
  };
}

export function printImport(f: ImportFigures): string[] {
  const cpu = f.cpuSeconds === null ? '' : `, ${(f.pages / f.cpuSeconds).toFixed(0)} pages per CPU-second (${f.cpuSeconds.toFixed(1)} CPU-seconds, every thread)`;
  return [
    `  import of ${f.pages.toLocaleString('en')} saved pages (${f.averageKb.toFixed(0)} KB on average) by the CLI: ${(f.pages / f.seconds).toFixed(0)} pages/s (${f.seconds.toFixed(1)} s)${cpu}; peak RSS ${f.peakRssMb === null ? '—' : `${f.peakRssMb.toFixed(0)} MB`}; ${f.imported} articles stored, ${f.duplicates} duplicates, ${f.failed} failed; targets 100 pages/s, 500 MB`,
  ];
}
