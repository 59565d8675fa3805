/**
 * The library list a window at a time (issue 20): the virtual list says
 * which rows are in view (`show`), and only their pages are fetched from the
 * core (listArticlesWindow), never the whole list. Checked again each time
 * `active` turns on and after an undo or redo: a new library revision drops
 * the pages fetched under the old one. While the core is still counting
 * annotations (a first start), the rows in view are fetched again every
 * second so the counts fill in.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleSummary } from '../../shared/model/model';
import type { LibraryOrderQuery, LibraryWindow } from '../../shared/search/libraryWindow';
import { getApi } from '../api/getApi';
import { useDataChanged } from '../app/dataChanged';
import { useReportError } from '../app/reportErrorContext';
import { DEFAULT_LIBRARY_QUERY, fetchLibraryPage, indexOfArticle, missingPages, pagesFor, rowAt, sameQuery, withPage, type LibraryPages } from './libraryPages';
import { takePrefetchedLibrary } from './libraryPrefetch';

export interface LibraryWindowState {
  /** Articles the query keeps; null until the first page arrived. */
  total: number | null;
  /** Articles in the library, and its outlets (for the filters). */
  libraryTotal: number;
  outlets: readonly string[];
  failed: boolean;
  /** The row at an index, when fetched. */
  rowAt: (index: number) => ArticleSummary | undefined;
  /** The article's row, when fetched. */
  find: (id: string) => ArticleSummary | undefined;
  /** `ids` in the list's order (the ones not fetched last, as given). */
  inListOrder: (ids: readonly string[]) => string[];
  /** Tells which rows are in view (first and last index); their pages are fetched. */
  show: (start: number, end: number) => void;
  query: LibraryOrderQuery;
  setQuery: (query: LibraryOrderQuery) => void;
  reload: () => void;
}

const NO_OUTLETS: readonly string[] = [];

/** How often the rows in view are fetched again while counts are still coming in. */
const COUNTS_POLL_MS = 1000;

interface Loader {
  show(start: number, end: number): void;
  /** The pages in view fetched again (`fresh`: the others dropped too). */
  refresh(fresh: boolean): void;
  setQuery(query: LibraryOrderQuery): void;
  take(query: LibraryOrderQuery, page: number, window: LibraryWindow): void;
}

export function useLibraryWindow(active: boolean): LibraryWindowState {
  const reportError = useReportError();
  const [pages, setPages] = useState<LibraryPages | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQueryState] = useState<LibraryOrderQuery>(DEFAULT_LIBRARY_QUERY);
  const report = useRef(reportError);
  report.current = reportError;

  // One loader per mounted hook; it reads and writes the latest state through `state`.
  const loader = useRef<Loader | null>(null);
  if (!loader.current) {
    const state = {
      pages: null as LibraryPages | null,
      query: DEFAULT_LIBRARY_QUERY,
      range: [0, 0] as [number, number],
      /** The pages shown are kept until the next page arrives, which replaces them all. */
      stale: false,
    };
    const inFlight = new Set<string>();
    const set = (next: LibraryPages | null) => {
      state.pages = next;
      setPages(next);
    };
    const fetch = (wanted: readonly number[]) => {
      const q = state.query;
      for (const page of wanted) {
        const key = `${JSON.stringify(q)}#${page}`;
        if (inFlight.has(key)) continue;
        inFlight.add(key);
        fetchLibraryPage(getApi(), q, page).then(
          (window) => {
            inFlight.delete(key);
            self.take(q, page, window);
          },
          (err: unknown) => {
            inFlight.delete(key);
            setFailed(true);
            report.current('Could not load the library', err);
          },
        );
      }
    };
    const inView = () => {
      const [start, end] = state.range;
      return pagesFor(start, state.pages ? Math.min(end, Math.max(0, state.pages.total - 1)) : end);
    };
    const self: Loader = {
      take(q, page, window) {
        if (!sameQuery(state.query, q)) return;
        const newRevision = state.pages !== null && state.pages.revision !== window.revision;
        set(withPage(state.stale ? null : state.pages, q, page, window));
        state.stale = false;
        setFailed(false);
        // The other pages in view were fetched under the old revision.
        if (newRevision) self.show(...state.range);
      },
      show(start, end) {
        state.range = [start, end];
        const missing = missingPages(state.pages, start, end);
        if (missing.length > 0) fetch(missing);
      },
      refresh(fresh) {
        if (fresh) state.stale = true;
        fetch(inView());
      },
      setQuery(next) {
        if (sameQuery(next, state.query)) return;
        state.query = next;
        setQueryState(next);
        set(null);
        fetch(inView());
      },
    };
    loader.current = self;
  }
  const load = loader.current;

  // The first page: taken from the page's entry when it asked early, else fetched.
  useEffect(() => {
    if (!active) return;
    const early = takePrefetchedLibrary();
    if (!early) {
      load.refresh(false);
      return;
    }
    early.then(
      (window) => load.take(DEFAULT_LIBRARY_QUERY, 0, window),
      () => load.refresh(false),
    );
  }, [active, load]);

  // Counts still coming in: the rows in view again, every second; once all are in, every page again.
  const counting = active && (pages?.countsPending ?? 0) > 0;
  const wasCounting = useRef(false);
  useEffect(() => {
    if (!counting) {
      if (wasCounting.current) load.refresh(true);
      wasCounting.current = false;
      return;
    }
    wasCounting.current = true;
    const timer = setInterval(() => load.refresh(false), COUNTS_POLL_MS);
    return () => clearInterval(timer);
  }, [counting, load]);

  useDataChanged(() => load.refresh(true));

  // The same function until a page arrives: the virtual list works out every row's place (100,000 at
  // issue 20's scale) again whenever its row key changes, so a new one at each render cost seconds at start.
  const rowAtNow = useCallback((i: number) => rowAt(pages, i), [pages]);

  return {
    total: pages?.total ?? null,
    libraryTotal: pages?.libraryTotal ?? 0,
    outlets: pages?.outlets ?? NO_OUTLETS,
    failed,
    rowAt: rowAtNow,
    find: (id) => {
      const at = indexOfArticle(pages, id);
      return at === undefined ? undefined : rowAt(pages, at);
    },
    inListOrder: (ids) => {
      const at = new Map(ids.map((id) => [id, indexOfArticle(pages, id) ?? Number.MAX_SAFE_INTEGER]));
      return [...ids].sort((a, b) => at.get(a)! - at.get(b)!);
    },
    show: load.show,
    query,
    setQuery: load.setQuery,
    reload: () => load.refresh(true),
  };
}
