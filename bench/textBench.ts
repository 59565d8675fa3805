/**
 * Benchmarks quote detection and passage alignment: on the seed corpus and on
 * synthetic corpora (bench/syntheticCorpus.ts). Returns the lines of its
 * table: the median time of several runs per measurement, and how times grow
 * from 1,000 to 10,000 articles (10× the articles: near-linear is ~10×).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { alignPassages } from '../src/shared/alignment/alignPassages';
import { copyMatrix } from '../src/shared/alignment/copyMatrix';
import { canonicalArticleText } from '../src/shared/model/canonicalText';
import { detectQuotes } from '../src/shared/quotes/detectQuotes';
import { QuoteCache } from '../src/main/store/quoteCache';
import { textHash } from '../src/main/store/textHash';
import { median } from './benchStats';
import { syntheticCorpus, type SyntheticArticle } from './syntheticCorpus';

interface Row {
  corpus: string;
  articles: number;
  megabytes: number;
  quotesMs: number;
  quotes: number;
  alignMs: number;
  groups: number;
}

const SEED_RUNS = 21;

function timed<T>(runs: number, work: () => T): { ms: number; result: T } {
  const times: number[] = [];
  let result!: T;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    result = work();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), result };
}

function measure(corpus: string, articles: readonly SyntheticArticle[], runs: number): Row {
  const quotes = timed(runs, () => articles.reduce((n, a) => n + detectQuotes(a.text).length, 0));
  const groups = timed(runs, () => alignPassages(articles));
  return {
    corpus,
    articles: articles.length,
    megabytes: articles.reduce((n, a) => n + a.text.length, 0) / 1e6,
    quotesMs: quotes.ms,
    quotes: quotes.result,
    alignMs: groups.ms,
    groups: groups.result.length,
  };
}

function seedCorpus(dir: string): SyntheticArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.slice(0, -4), text: canonicalArticleText(readFileSync(join(dir, f), 'utf8')).text }));
}

/** Runs the measures, printing each row as it is done; returns every line printed. */
export function runTextBench(sizes: readonly number[], runs: number, corpusDir: string, corpora: (size: number) => SyntheticArticle[] = syntheticCorpus): string[] {
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  const rows: Row[] = [];
  const seed = seedCorpus(resolve(corpusDir));
  measure('seed (warm-up)', seed, 5);
  rows.push(measure('seed corpus', seed, SEED_RUNS));
  say(header());
  say(format(rows[0]!));
  for (const size of sizes) {
    rows.push(measure('synthetic', corpora(size), runs));
    say(format(rows[rows.length - 1]!));
  }
  const small = rows.find((r) => r.articles === 1000);
  const big = rows.find((r) => r.articles === 10000);
  if (small && big) {
    say(`10,000 vs 1,000 articles: quotes ×${(big.quotesMs / small.quotesMs).toFixed(1)}, align ×${(big.alignMs / small.alignMs).toFixed(1)} (linear would be ×10.0)`);
  }
  say(copyMatrixLine(corpora(1000), runs));
  say(`Medians of ${SEED_RUNS} runs (seed corpus) and ${runs} runs (synthetic).`);
  return lines;
}

/**
 * Quote detection through the per-hash cache (derived/quotes.jsonl, issue 20)
 * over the largest corpus: a first run that detects and writes every text,
 * then a run as `quotes` does it the next time (cache read, nothing detected).
 */
export async function runQuoteCacheBench(articles: readonly SyntheticArticle[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'triangulate-bench-quotes-'));
  try {
    const hashes = articles.map((a) => textHash(a.text));
    const pass = async () => {
      const t0 = performance.now();
      const cache = await QuoteCache.open(dir);
      let quotes = 0;
      articles.forEach((a, i) => (quotes += cache.quotesOf(hashes[i]!, a.text).quotes.length));
      await cache.flush();
      return { ms: performance.now() - t0, quotes, detected: cache.detected };
    };
    const first = await pass();
    const second = await pass();
    const line = `quotes cached per article hash, ${articles.length.toLocaleString('en')} articles: first run ${(first.ms / 1000).toFixed(1)} s (detects and writes ${first.detected.toLocaleString('en')}), next run ${(second.ms / 1000).toFixed(1)} s (${second.detected} detected, ${second.quotes.toLocaleString('en')} quotes read back); target quotes ≤ 30 s`;
    console.log(line);
    return [line];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Quotes + speakers (detectQuotes) over `articles` once, in wall and CPU time (CPU time is what the machine's
 * other load does not change), scaled to 1,000 articles beside issue 15's target.
 */
export function quoteCpuLine(articles: readonly SyntheticArticle[]): string {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let quotes = 0;
  for (const a of articles) quotes += detectQuotes(a.text).length;
  const wall = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpu = (used.user + used.system) / 1e6;
  const per = 1000 / articles.length;
  return `quotes + speakers, ${articles.length.toLocaleString('en')} articles (${quotes.toLocaleString('en')} quotes): wall ${wall.toFixed(2)} s, CPU ${cpu.toFixed(2)} s; per 1,000 articles wall ${(wall * per).toFixed(2)} s, CPU ${(cpu * per).toFixed(2)} s; target ≤ 3 s per 1,000`;
}

function header(): string {
  return `${'corpus'.padEnd(14)} ${'articles'.padStart(8)} ${'MB'.padStart(6)} ${'quotes ms'.padStart(10)} ${'quotes'.padStart(7)} ${'align ms'.padStart(10)} ${'groups'.padStart(7)}`;
}

function format(r: Row): string {
  return `${r.corpus.padEnd(14)} ${String(r.articles).padStart(8)} ${r.megabytes.toFixed(2).padStart(6)} ${r.quotesMs.toFixed(1).padStart(10)} ${String(r.quotes).padStart(7)} ${r.alignMs.toFixed(1).padStart(10)} ${String(r.groups).padStart(7)}`;
}

/** Who copies whom (getCopyMatrix's work) over 1,000 articles: every pair's shares and the clusters, 60 kept. */
export function copyMatrixLine(articles: readonly SyntheticArticle[], runs: number): string {
  const dated = articles.map((a, i) => ({ id: a.id, text: a.text, date: `2024-01-${String((i % 28) + 1).padStart(2, '0')}` }));
  const m = timed(runs, () => copyMatrix(dated));
  return `Who copies whom, ${articles.length.toLocaleString('en')} articles: ${m.ms.toFixed(1)} ms (${m.result.pairs.length} pairs among the ${m.result.articles.length} kept, ${m.result.clusters.length} clusters)`;
}
