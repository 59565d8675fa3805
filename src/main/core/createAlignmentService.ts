/**
 * alignArticles: alignPassages over the chosen articles' canonical texts, in
 * library order whatever order they were asked in, groups numbered a0, a1, ….
 * Results are cached by the articles' ids and text hashes (the last few), and
 * a request for the same set while one runs waits for that one. Large sets
 * run in a worker thread (see shouldAlignInWorker) when the built worker is
 * at hand; otherwise in-process.
 */
import { ApiError } from '../../shared/contract/apiError';
import { alignPassages, type AlignedGroup } from '../../shared/alignment/alignPassages';
import type { Input, Output, TriangulateApi } from '../../shared/contract/contract';
import type { AlignedGroupResult } from '../../shared/crossArticle/crossArticle';
import type { CoreContext } from './coreContext';
import { runAlignWorker } from '../alignment/runAlignWorker';
import { shouldAlignInWorker } from '../alignment/shouldAlignInWorker';

export type AlignmentService = Pick<TriangulateApi, 'alignArticles'>;

export interface AlignmentOptions {
  /** The built worker file, or null to always align in-process. */
  workerFile: string | null;
  /** Alignments kept in the cache. Default 8. */
  cacheSize?: number;
  /** Replaces the worker run (tests record which way an alignment went). */
  runInWorker?: (workerFile: string, articles: readonly { id: string; text: string }[]) => Promise<AlignedGroup[]>;
}

export function createAlignmentService(ctx: CoreContext, options: AlignmentOptions): AlignmentService {
  const cache = new Map<string, Promise<AlignedGroupResult[]>>();
  const cacheSize = options.cacheSize ?? 8;
  const inWorker = options.runInWorker ?? runAlignWorker;

  async function align(articleIds: readonly string[]): Promise<AlignedGroupResult[]> {
    const wanted = new Set(articleIds);
    const metas = ctx.store.articles().filter((a) => wanted.has(a.id));
    const articles = await Promise.all(metas.map(async (m) => ({ id: m.id, text: await ctx.store.text(m.id) })));
    const groups =
      options.workerFile !== null && shouldAlignInWorker(articles)
        ? await inWorker(options.workerFile, articles)
        : alignPassages(articles);
    return groups.map((g, i) => ({ id: `a${i}`, passages: g.passages }));
  }

  return {
    async alignArticles({ articleIds }: Input<'alignArticles'>): Promise<Output<'alignArticles'>> {
      ctx.ensureOpen();
      const ids = [...new Set(articleIds)];
      const metas = ids.map((id) => ctx.requireArticle(id));
      if (metas.length < 2) throw new ApiError('invalid_input', 'Aligning needs at least two different articles.');
      const key = metas
        .map((m) => `${m.id}:${m.hash}`)
        .sort()
        .join('\n');
      let result = cache.get(key);
      if (result) {
        cache.delete(key); // most recently used goes last
      } else {
        result = align(ids);
        result.catch(() => {
          if (cache.get(key) === result) cache.delete(key);
        });
      }
      cache.set(key, result);
      while (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
      const groups = await result;
      return groups.map((g) => ({ id: g.id, passages: g.passages.map((p) => ({ ...p })) }));
    },
  };
}
