/**
 * Benchmarks quote detection and passage alignment: on the seed corpus and on
 * synthetic corpora of 1,000 and 10,000 articles (bench/syntheticCorpus.ts).
 * Prints the median time of several runs per measurement, and how times grow
 * from 1,000 to 10,000 articles (10× the articles: near-linear is ~10×).
 *
 * Build and run from the repository root:
 *   npx vite build --ssr bench/runBench.ts --outDir out/bench --logLevel warn && node out/bench/runBench.js
 * Options: --sizes 1000,10000   --runs N (runs per synthetic size; default 3)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { alignPassages } from '../src/shared/alignment/alignPassages';
import { canonicalArticleText } from '../src/shared/canonicalText';
import { detectQuotes } from '../src/shared/quotes/detectQuotes';
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

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

function main(): void {
  const { values } = parseArgs({
    options: { sizes: { type: 'string', default: '1000,10000' }, runs: { type: 'string', default: '3' }, corpus: { type: 'string', default: 'corpus' } },
  });
  const sizes = values.sizes.split(',').map(Number).filter((n) => n > 0);
  const runs = Math.max(1, Number(values.runs) || 3);

  const rows: Row[] = [];
  const seed = seedCorpus(resolve(values.corpus));
  measure('seed (warm-up)', seed, 5);
  rows.push(measure('seed corpus', seed, SEED_RUNS));
  print(rows);
  for (const size of sizes) {
    const t0 = performance.now();
    const articles = syntheticCorpus(size);
    process.stdout.write(`  (generated ${size} synthetic articles in ${Math.round(performance.now() - t0)} ms)\n`);
    rows.push(measure(`synthetic`, articles, runs));
    print(rows.slice(-1), false);
  }

  const small = rows.find((r) => r.articles === 1000);
  const big = rows.find((r) => r.articles === 10000);
  if (small && big) {
    console.log('');
    console.log(`10,000 vs 1,000 articles: quotes ×${(big.quotesMs / small.quotesMs).toFixed(1)}, align ×${(big.alignMs / small.alignMs).toFixed(1)} (linear would be ×10.0)`);
  }
  console.log(`Medians of ${SEED_RUNS} runs (seed corpus) and ${runs} runs (synthetic); peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB.`);
}

function print(rows: readonly Row[], header = true): void {
  if (header) {
    console.log(`${'corpus'.padEnd(14)} ${'articles'.padStart(8)} ${'MB'.padStart(6)} ${'quotes ms'.padStart(10)} ${'quotes'.padStart(7)} ${'align ms'.padStart(10)} ${'groups'.padStart(7)}`);
  }
  for (const r of rows) {
    console.log(
      `${r.corpus.padEnd(14)} ${String(r.articles).padStart(8)} ${r.megabytes.toFixed(2).padStart(6)} ${r.quotesMs.toFixed(1).padStart(10)} ${String(r.quotes).padStart(7)} ${r.alignMs.toFixed(1).padStart(10)} ${String(r.groups).padStart(7)}`,
    );
  }
}

main();
