/**
 * The data-side measures of issue 7, on a data folder written by
 * writeBenchLibrary:
 * - saving one annotation until it is durable on disk, through the core's
 *   createAnnotation (atomic write of that article's file, fsync), and the
 *   same save through a plain single-file lowdb store of the same data
 *   (index, texts and every annotation in one JSON file, written by lowdb's
 *   JSONFile, then fsync'd so it is as durable);
 * - corpus-wide text search through the core's searchCorpus (the first query
 *   reads the texts; the figure is the median of the queries after it);
 * - the W3C export, streamed (streamExport, as `npm run cli -- export`), in a
 *   child process so its time and peak memory are its own.
 */
import { spawn } from 'node:child_process';
import { open, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { createCore } from '../src/main/core/createCore';
import { DataStore } from '../src/main/store/dataStore';
import { LinkStore } from '../src/main/store/linkStore';
import { streamExport } from '../src/main/export/streamExport';
import type { Annotation } from '../src/shared/model/model';
import { median, timeRuns } from './benchStats';

export interface SaveFigures {
  coreMs: number[];
  lowdbMs: number[];
  lowdbFileMb: number;
  storedAnnotations: number;
}

async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Ranges of whole words in a text, the kind a user selects. */
function wordRange(text: string, k: number): { start: number; end: number } {
  const words = [...text.matchAll(/\S+/g)];
  const first = words[(k * 7) % Math.max(1, words.length - 3)]!;
  const last = words[Math.min(words.length - 1, ((k * 7) % Math.max(1, words.length - 3)) + 2)]!;
  return { start: first.index, end: last.index + last[0].length };
}

/**
 * lowdbRuns 0: no single-file comparison (at 100,000 articles that file would be one JSON string of ~1 GB,
 * past V8's string limit, after 200,000 files read one by one).
 */
export async function measureSave(dataDir: string, runs: number, lowdbRuns: number): Promise<SaveFigures> {
  const core = await createCore({ dataDir, corpusDir: 'corpus', backups: false });
  let storedAnnotations = 0;
  const coreMs: number[] = [];
  try {
    const articles = await core.listArticles({});
    storedAnnotations = articles.reduce((n, a) => n + Object.values(a.counts).reduce((m, c) => m + c, 0), 0);
    const tags = ['claim', 'quote', 'source'];
    for (let r = 0; r < runs; r++) {
      const meta = articles[(r * 37) % articles.length]!;
      // The user has the article open: its text is read already.
      const { text } = await core.getArticle({ id: meta.id });
      const range = wordRange(text, r);
      const t0 = performance.now();
      await core.createAnnotation({ articleId: meta.id, tagId: tags[r % 3]!, ...range });
      coreMs.push(performance.now() - t0);
    }
  } finally {
    await core.close();
  }

  if (lowdbRuns === 0) return { coreMs, lowdbMs: [], lowdbFileMb: Number.NaN, storedAnnotations };
  // The same data in one lowdb file.
  const index = JSON.parse(await readFile(join(dataDir, 'index.json'), 'utf8')) as { articles: { id: string }[]; codebook: unknown; settings: unknown };
  const texts: Record<string, string> = {};
  const annotations: Annotation[] = [];
  for (const { id } of index.articles) {
    texts[id] = (JSON.parse(await readFile(join(dataDir, 'texts', `${id}.json`), 'utf8')) as { text: string }).text;
    const file = join(dataDir, 'annotations', `${id}.json`);
    annotations.push(...(JSON.parse(await readFile(file, 'utf8')) as { annotations: Annotation[] }).annotations);
  }
  const lowPath = join(dataDir, '..', `${dataDir.split('/').pop()}-lowdb.json`);
  const db = new Low(new JSONFile<{ index: typeof index; texts: Record<string, string>; annotations: Annotation[] }>(lowPath), {
    index,
    texts,
    annotations,
  });
  await db.write();
  const template = annotations[0]!;
  const lowdbMs = await timeRuns(lowdbRuns, async (r) => {
    db.data.annotations.push({ ...template, id: `lowdb-${r}` });
    await db.write();
    await fsyncFile(lowPath);
  });
  const lowdbFileMb = (await stat(lowPath)).size / 2 ** 20;
  await rm(lowPath, { force: true });
  return { coreMs, lowdbMs, lowdbFileMb, storedAnnotations };
}

export interface SearchFigures {
  firstMs: number;
  queryMs: number[];
  hits: number[];
}

export async function measureSearch(dataDir: string, queries: readonly string[]): Promise<SearchFigures | null> {
  const core = await createCore({ dataDir, corpusDir: 'corpus', backups: false });
  try {
    if (typeof core.searchCorpus !== 'function') return null;
    let t0 = performance.now();
    await core.searchCorpus({ query: queries[0]! });
    const firstMs = performance.now() - t0;
    const queryMs: number[] = [];
    const hits: number[] = [];
    for (const query of queries) {
      t0 = performance.now();
      const result = await core.searchCorpus({ query });
      queryMs.push(performance.now() - t0);
      hits.push(result.total);
    }
    return { firstMs, queryMs, hits };
  } finally {
    await core.close();
  }
}

/** Queries drawn from the corpus itself: a common word, rarer words, phrases. */
export async function searchQueries(dataDir: string): Promise<string[]> {
  const names = (await readdir(join(dataDir, 'texts'))).sort();
  const text = (n: number) => readFile(join(dataDir, 'texts', names[n % names.length]!), 'utf8').then((raw) => (JSON.parse(raw) as { text: string }).text);
  const queries = ['said'];
  for (let k = 1; k <= 6; k++) {
    const words = (await text(k * 97)).split(/\s+/);
    const at = (k * 131) % (words.length - 4);
    queries.push(words.slice(at, at + (k % 3) + 1).join(' ').replace(/[.,“”"‘’:]/g, ''));
  }
  return queries.filter((q) => q.trim().length > 0);
}

export interface ExportFigures {
  ms: number;
  /** Peak RSS of the exporting process. */
  peakMb: number;
  /** RSS once the library is open, before the export starts: what the export adds is peak − this. */
  openMb: number;
  annotations: number;
  fileMb: number;
}

/** Runs the streamed export `runs` times, each in a fresh child process: median time and RSS after opening, highest peak. */
export async function measureExport(benchScript: string, dataDir: string, outFile: string, runs: number): Promise<ExportFigures> {
  const all: ExportFigures[] = [];
  for (let i = 0; i < runs; i++) all.push(await exportInChild(benchScript, dataDir, outFile));
  return {
    ms: median(all.map((f) => f.ms)),
    peakMb: Math.max(...all.map((f) => f.peakMb)),
    openMb: median(all.map((f) => f.openMb)),
    annotations: all[0]!.annotations,
    fileMb: all[0]!.fileMb,
  };
}

function exportInChild(benchScript: string, dataDir: string, outFile: string): Promise<ExportFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [benchScript, '--child-export', dataDir, outFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the export child exited with ${code}: ${out}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!) as ExportFigures);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

/** In the child: one streamed W3C export; prints its figures as one JSON line. */
export async function childExport(dataDir: string, outFile: string): Promise<void> {
  const t0 = performance.now();
  const store = (await DataStore.open(dataDir))!;
  const links = new LinkStore(dataDir);
  const openMb = process.memoryUsage().rss / 2 ** 20;
  const summary = await streamExport({ store, links }, 'w3c', outFile, new Date().toISOString());
  await store.close();
  await links.close();
  const ms = performance.now() - t0;
  const fileMb = (await stat(outFile)).size / 2 ** 20;
  await rm(outFile, { force: true });
  const figures: ExportFigures = { ms, peakMb: process.resourceUsage().maxRSS / 1024, openMb, annotations: summary.annotations, fileMb };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

