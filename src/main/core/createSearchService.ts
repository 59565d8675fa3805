/**
 * searchCorpus: case-insensitive phrase search over every article text (or
 * the ones named), through one CorpusTextIndex per core, built on the first
 * search and kept up to date as articles are added, with its word index
 * persisted in derived/search/ (see PersistedSearchIndex).
 */
import type { Input, Output, TriangulateApi } from '../../shared/contract/contract';
import type { CoreContext } from './coreContext';
import { join } from 'node:path';
import { CorpusTextIndex } from './corpusTextIndex';
import { PersistedSearchIndex } from '../store/persistedSearchIndex';

export type SearchService = Pick<TriangulateApi, 'searchCorpus'>;

export const DEFAULT_SEARCH_LIMIT = 200;

export function createSearchService(ctx: CoreContext): SearchService {
  const index = new CorpusTextIndex(
    // Texts read without keeping them in the store (peekText): building the index reads every one (issue 20).
    {
      articles: () => ctx.store.articles(),
      text: (id) => ctx.store.peekText(id),
      textNow: (id) => ctx.store.peekTextNow(id),
      revision: () => ctx.store.libraryRevision(),
      // The digest of index.json as read at the start: the word index compares it, not 100,000 articles.
      digest: () => ctx.store.indexDigestAsOpened(),
    },
    new PersistedSearchIndex(join(ctx.store.dataDir, 'derived', 'search')),
  );
  return {
    async searchCorpus({ query, limit, articleIds }: Input<'searchCorpus'>): Promise<Output<'searchCorpus'>> {
      ctx.ensureOpen();
      for (const id of articleIds ?? []) ctx.requireArticle(id);
      if (query.trim() === '') {
        await index.warm();
        return { hits: [], total: 0, articles: 0 };
      }
      return index.search({ query, limit: limit ?? DEFAULT_SEARCH_LIMIT, articleIds });
    },
  };
}
