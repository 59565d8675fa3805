/**
 * listArticlesWindow: one window of the library list, filtered and sorted
 * here (see shared/search/libraryWindow: words, outlet, date range, with or
 * without annotations; any column either way), so the renderer asks only for the
 * rows it shows. The order is worked out once per library revision and query
 * and kept for the next windows (scrolling asks for many). Annotation counts
 * come from what is counted so far: on a first start without counts.json
 * the list answers at once and the counts fill in (countsPending says how
 * many are still to come).
 */
import { ApiError } from '../../shared/contract/apiError';
import { formatZodIssues } from '../../shared/contract/formatZodIssues';
import type { Input, Output, TriangulateApi } from '../../shared/contract/contract';
import type { ArticleMeta, ArticleSummary } from '../../shared/model/model';
import { libraryOutlets, LibraryWindowQuerySchema, orderLibrary, windowOf } from '../../shared/search/libraryWindow';
import type { CoreContext } from './coreContext';

export type LibraryWindowService = Pick<TriangulateApi, 'listArticlesWindow'>;

export function createLibraryWindowService(ctx: CoreContext): LibraryWindowService {
  let cached: { key: string; articles: readonly ArticleMeta[]; order: number[] } | null = null;
  let outlets: { articles: readonly ArticleMeta[]; list: string[] } | null = null;
  return {
    async listArticlesWindow(input: Input<'listArticlesWindow'>): Promise<Output<'listArticlesWindow'>> {
      ctx.ensureOpen();
      // Checked here too: the core is also called directly (the CLI, tests), where no transport checked it.
      const parsed = LibraryWindowQuerySchema.safeParse(input);
      if (!parsed.success) throw new ApiError('invalid_input', `Invalid input for listArticlesWindow: ${formatZodIssues(parsed.error)}`);
      const query = parsed.data;
      const { store } = ctx;
      const revision = store.libraryRevision();
      const { counts, pending } = store.countsSoFar();
      const articles = store.articles();
      // Titles, outlets and dates change only with index.json (a new articles array); counts with every save.
      const byCount = query.sort === 'annotations' || query.annotated !== 'any';
      const { offset: _offset, limit: _limit, ...order } = query;
      const key = JSON.stringify([order, byCount ? [revision, pending] : null]);
      if (cached?.key !== key || cached.articles !== articles) {
        const total = (id: string) => {
          let n = 0;
          for (const c of Object.values(counts(id) ?? {})) n += c;
          return n;
        };
        cached = { key, articles, order: orderLibrary(articles, query, total) };
      }
      if (outlets?.articles !== articles) outlets = { articles, list: libraryOutlets(articles) };
      const zeros = Object.fromEntries(store.codebook().map((t) => [t.id, 0]));
      const rows = windowOf(cached.order, query.offset, query.limit, (i): ArticleSummary => {
        const { id, title, date, outlet, author, versions } = articles[i]!;
        return { id, title, date, outlet, author: author ?? null, counts: { ...zeros, ...counts(id) }, ...(versions ? { versions: versions.length } : {}) };
      });
      return {
        total: cached.order.length,
        libraryTotal: articles.length,
        outlets: outlets.list,
        offset: query.offset,
        rows,
        revision,
        countsPending: pending,
      };
    },
  };
}
