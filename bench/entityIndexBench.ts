/**
 * The people-and-organisations index (issue 15) over a synthetic corpus, as
 * the core builds it (readEntityIndex): a cold build (quote detection of
 * every text, written to the per-hash cache) and a warm one (the cache read
 * back, the index built). Wall and CPU time each: on a loaded machine the
 * CPU time is what to compare.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleMeta } from '../src/shared/model/model';
import { readEntityIndex, type EntityIndexSource } from '../src/main/core/readEntityIndex';
import { QuoteCache } from '../src/main/store/quoteCache';
import { textHash } from '../src/main/store/textHash';
import type { SyntheticArticle } from './syntheticCorpus';

function libraryOf(articles: readonly SyntheticArticle[]): EntityIndexSource {
  const metas = articles.map((a) => ({ id: a.id, hash: textHash(a.text), title: a.id }) as ArticleMeta);
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  return {
    articles: () => metas,
    peekText: async (id: string) => texts.get(id)!,
    credits: async () => new Map(),
  };
}

export async function runEntityIndexBench(articles: readonly SyntheticArticle[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'triangulate-bench-entities-'));
  try {
    const library = libraryOf(articles);
    const pass = async () => {
      const wall = performance.now();
      const cpu = process.cpuUsage();
      const index = await readEntityIndex(library, await QuoteCache.open(dir), []);
      const used = process.cpuUsage(cpu);
      return { seconds: (performance.now() - wall) / 1000, cpuSeconds: (used.user + used.system) / 1e6, entities: index.entities.length, credits: index.credits.length };
    };
    const cold = await pass();
    const warm = await pass();
    const n = articles.length.toLocaleString('en');
    const line =
      `people index, ${n} articles: cold ${cold.seconds.toFixed(1)} s wall, ${cold.cpuSeconds.toFixed(1)} s CPU (detects every text); ` +
      `warm ${warm.seconds.toFixed(1)} s wall, ${warm.cpuSeconds.toFixed(1)} s CPU (cached quotes); ${warm.entities.toLocaleString('en')} entities, ${warm.credits.toLocaleString('en')} credited quotes`;
    console.log(line);
    return [line];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
