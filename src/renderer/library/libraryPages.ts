/**
 * The library list as the virtual list sees it (issue 20): the total, and
 * the rows fetched so far in pages of PAGE_SIZE, all from one library
 * revision and one query (sort and filter). The rows in view are asked for
 * by page; a page is fetched once per revision. Plain data: useLibraryWindow
 * keeps one and replaces it as pages arrive.
 */
import type { TriangulateApi } from '../../shared/contract/contract';
import type { ArticleSummary } from '../../shared/model/model';
import type { LibraryOrderQuery, LibraryWindow } from '../../shared/search/libraryWindow';

export const PAGE_SIZE = 100;

export interface LibraryPages {
  query: LibraryOrderQuery;
  revision: string;
  total: number;
  /** Articles in the library, and its outlets (for the filters). */
  libraryTotal: number;
  outlets: readonly string[];
  /** Articles still being counted in the core (their counts show as none meanwhile). */
  countsPending: number;
  /** Fetched rows by page number. */
  pages: ReadonlyMap<number, readonly ArticleSummary[]>;
}

type WindowApi = Pick<TriangulateApi, 'listArticlesWindow'>;

export const DEFAULT_LIBRARY_QUERY: LibraryOrderQuery = { sort: 'library', direction: 'asc', filter: '', outlet: null, from: null, to: null, annotated: 'any' };

/** One page of the list, as the core gives it. */
export function fetchLibraryPage(api: WindowApi, query: LibraryOrderQuery, page: number): Promise<LibraryWindow> {
  return api.listArticlesWindow({ ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
}

/** The pages that hold rows `start`…`end` (inclusive). */
export function pagesFor(start: number, end: number): number[] {
  const out: number[] = [];
  if (end < start) return out;
  for (let p = Math.floor(Math.max(0, start) / PAGE_SIZE); p <= Math.floor(Math.max(0, end) / PAGE_SIZE); p++) out.push(p);
  return out;
}

/** Pages of `start`…`end` not fetched yet (none beyond the total). */
export function missingPages(known: LibraryPages | null, start: number, end: number): number[] {
  if (!known) return pagesFor(start, end);
  const last = Math.max(0, Math.ceil(known.total / PAGE_SIZE) - 1);
  return pagesFor(start, Math.min(end, known.total - 1)).filter((p) => p <= last && !known.pages.has(p));
}

/**
 * `known` with one fetched page added. A page from another revision or
 * query starts the pages afresh (the rows fetched before may have moved).
 */
export function withPage(known: LibraryPages | null, query: LibraryOrderQuery, page: number, window: LibraryWindow): LibraryPages {
  const same = known && known.revision === window.revision && sameQuery(known.query, query);
  const pages = new Map(same ? known.pages : []);
  pages.set(page, window.rows);
  return { query, revision: window.revision, total: window.total, libraryTotal: window.libraryTotal, outlets: window.outlets, countsPending: window.countsPending, pages };
}

/** The row at `index`, when its page has been fetched. */
export function rowAt(known: LibraryPages | null, index: number): ArticleSummary | undefined {
  return known?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
}

export function sameQuery(a: LibraryOrderQuery, b: LibraryOrderQuery): boolean {
  return (
    a.sort === b.sort &&
    a.direction === b.direction &&
    a.filter === b.filter &&
    a.outlet === b.outlet &&
    a.from === b.from &&
    a.to === b.to &&
    a.annotated === b.annotated
  );
}

/** Where an article sits in the list, when its page has been fetched. */
export function indexOfArticle(known: LibraryPages | null, id: string): number | undefined {
  for (const [page, rows] of known?.pages ?? []) {
    const at = rows.findIndex((r) => r.id === id);
    if (at >= 0) return page * PAGE_SIZE + at;
  }
  return undefined;
}
