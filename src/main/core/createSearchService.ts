/**
 * searchCorpus: case-insensitive phrase search over every article text (or
 * the ones named), through one CorpusTextIndex per core, built on the first
 * search and kept up to date as articles are added, with its word index
 * persisted in derived/search/ (see PersistedSearchIndex).
 *
 * After every save of index.json (an import, a new version, the codebook,
 * the coder) a word index already on disk is brought up to date in the
 * background, and at the latest when the core closes: the next start's first
 * search then finds it current instead of catching up itself (issue 20: at
 * 100,000 articles, ~100 ms of CPU after the coder was chosen, seconds after
 * an import).
 */
import type { Input, Output, TriangulateApi } from '../../shared/contract/contract';
import type { CoreContext } from './coreContext';
import { join } from 'node:path';
import { CorpusTextIndex } from './corpusTextIndex';
import { PersistedSearchIndex } from '../store/persistedSearchIndex';

export type SearchService = Pick<TriangulateApi, 'searchCorpus'>;

export const DEFAULT_SEARCH_LIMIT = 200;

/** How long after a save of index.json the word index is brought up to date (saves in a row: once, after the last). */
export const CATCH_UP_DELAY_MS = 1000;

export interface SearchServiceOptions {
  /** Resolves when background work may take the thread (the core's calls in flight done); default: at once. */
  giveWay?: () => Promise<void>;
}

export function createSearchService(ctx: CoreContext, options: SearchServiceOptions = {}): { api: SearchService; close(): Promise<void> } {
  const index = new CorpusTextIndex(
    // Texts read without keeping them in the store (peekText): building the index reads every one (issue 20).
    {
      articles: () => ctx.store.articles(),
      text: (id) => ctx.store.peekText(id),
      textNow: (id) => ctx.store.peekTextNow(id),
      revision: () => ctx.store.libraryRevision(),
      // The digest of index.json as read at the start or last saved: the word index compares it, not 100,000 articles.
      digest: () => ctx.store.indexDigestNow(),
    },
    new PersistedSearchIndex(join(ctx.store.dataDir, 'derived', 'search')),
  );
  let timer: ReturnType<typeof setTimeout> | null = null;
  let caughtUp: Promise<void> = Promise.resolve();
  const catchUp = (): void => {
    timer = null;
    caughtUp = caughtUp
      .then(async () => {
        // (Once the core is closing, giveWay resolves at once: see ForegroundGate.close.)
        await options.giveWay?.();
        await index.catchUp();
      })
      // Derived data: a catch-up that fails is the next search's to do.
      .catch(() => undefined);
  };
  ctx.store.onIndexWritten(() => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(catchUp, CATCH_UP_DELAY_MS);
    timer.unref();
  });
  return {
    api: {
      async searchCorpus({ query, limit, articleIds }: Input<'searchCorpus'>): Promise<Output<'searchCorpus'>> {
        ctx.ensureOpen();
        for (const id of articleIds ?? []) ctx.requireArticle(id);
        if (query.trim() === '') {
          await index.warm();
          return { hits: [], total: 0, articles: 0 };
        }
        return index.search({ query, limit: limit ?? DEFAULT_SEARCH_LIMIT, articleIds });
      },
    },
    /** Runs a catch-up still to come at once (a CLI import, a quit right after a save) and waits for it. */
    async close(): Promise<void> {
      if (timer) {
        clearTimeout(timer);
        catchUp();
      }
      await caughtUp;
    },
  };
}
