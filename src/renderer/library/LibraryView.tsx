/**
 * The library: every article with its date, outlet, author and annotation
 * counts per tag, filtered and sorted by any column (LibraryFilters, the
 * column heads) in the core, which sends only the rows in view: the list is
 * virtual and fetched a window at a time (`onShow` says which rows are in
 * view, `rowAt` draws the ones fetched, a placeholder for the others). A
 * title opens the reader; the checkboxes choose articles for "Compare
 * selected" (two or more).
 */
import { useEffect, useId, type ReactNode } from 'react';
import type { LibraryOrderQuery, LibrarySortKey } from '../../shared/search/libraryWindow';
import { LibraryFilters } from './LibraryFilters';
import type { ArticleSummary, Tag } from '../../shared/model/model';
import { PERF_MARKS, usePaintMark } from '../app/perfMarks';
import { preloadScreens } from '../app/lazyScreens';
import { LibraryImport } from '../exchange';
import { TagChip } from '../components/TagChip';
import { tagCounts } from './tagCounts';
import { useVirtualRows } from '../components/useVirtualRows';
import { LoadFailed } from '../components/LoadFailed';
import { formatCount } from '../components/formatCount';

export interface LibraryViewProps {
  /** Articles the filters keep; null until the first window arrived. */
  total: number | null;
  /** Articles in the library. */
  libraryTotal: number;
  /** The library's outlets, for the outlet filter. */
  outlets: readonly string[];
  rowAt: (index: number) => ArticleSummary | undefined;
  onShow: (start: number, end: number) => void;
  query: LibraryOrderQuery;
  onQuery: (query: LibraryOrderQuery) => void;
  failed: boolean;
  codebook: readonly Tag[];
  checked: readonly string[];
  onCheck: (id: string, on: boolean) => void;
  onOpen: (id: string) => void;
  onCompare: () => void;
  onRetry: () => void;
}

/** The virtual list's key of a row: its place in the list. */
const rowPlace = (index: number): number => index;

export function LibraryView(props: LibraryViewProps) {
  const { total, libraryTotal, outlets, rowAt, onShow, query, onQuery, failed, codebook, checked, onCheck, onOpen, onCompare, onRetry } = props;
  const hintId = useId();
  // Long libraries draw only the rows in view (see useVirtualRows). The virtual list knows rows by their place
  // (its measured heights), React by their article: a key function that changed with the rows fetched made it
  // place all 100,000 rows again at every render (seconds of the page's time at start).
  const virtual = useVirtualRows<HTMLTableSectionElement>(total ?? 0, rowPlace, 66);
  const first = virtual.rows[0]?.index ?? 0;
  const last = virtual.rows[virtual.rows.length - 1]?.index ?? 0;
  useEffect(() => onShow(first, last), [onShow, first, last]);
  const firstRow = rowAt(0);
  usePaintMark(PERF_MARKS.libraryVisible, total === 0 || firstRow !== undefined, firstRow ?? total);
  // Once the list is on screen, the other screens' code loads while the browser is idle.
  const listed = total !== null;
  useEffect(() => {
    if (!listed) return;
    const idle = requestIdleCallback(preloadScreens, { timeout: 500 });
    return () => cancelIdleCallback(idle);
  }, [listed]);
  const chosen = checked.length;

  const sortState = (key: LibrarySortKey) => (query.sort !== key ? 'none' : query.direction === 'desc' ? 'descending' : 'ascending');
  const sortHeader = (key: LibrarySortKey, label: ReactNode, className?: string) => {
    const state = sortState(key);
    return (
      <th scope="col" className={className} aria-sort={state}>
        <button
          type="button"
          className="sort-button"
          onClick={() =>
            // Off → ascending → descending → off (the library's own order).
            onQuery(
              query.sort !== key
                ? { ...query, sort: key, direction: 'asc' }
                : query.direction === 'asc'
                  ? { ...query, direction: 'desc' }
                  : { ...query, sort: 'library', direction: 'asc' },
            )
          }
        >
          {label}
          <span className={`sort-button__arrow sort-button__arrow--${state}`} aria-hidden="true" />
        </button>
      </th>
    );
  };

  return (
    <div className="library">
      <div className="library__head">
        <h1>Library</h1>
        <div className="library__compare">
          <span id={hintId} className="library__hint" aria-live="polite">
            {chosen === 0
              ? 'Tick two or more articles to compare them.'
              : chosen === 1
                ? '1 article chosen; tick at least one more.'
                : `${formatCount(chosen, 'article')} chosen.`}
          </span>
          <button type="button" className="primary-button" disabled={chosen < 2} onClick={onCompare} aria-describedby={hintId}>
            Compare selected
          </button>
        </div>
      </div>
      <LibraryImport onImported={onRetry} />

      {total !== null && libraryTotal > 0 ? <LibraryFilters query={query} outlets={outlets} shown={total} total={libraryTotal} onChange={onQuery} /> : null}

      {total === null ? (
        failed ? (
          <LoadFailed message="The library could not be loaded." onRetry={onRetry} />
        ) : (
          <p className="loading" role="status">
            Loading the library…
          </p>
        )
      ) : libraryTotal === 0 ? (
        <p className="library__empty">No articles in the library yet. Import articles, or drop files or folders here, to start.</p>
      ) : total === 0 ? (
        <p className="library__empty">No article matches these filters.</p>
      ) : (
        <table className="library__table" aria-rowcount={total + 1}>
          <caption className="visually-hidden">Articles in the library</caption>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className="col-check">
                <span className="visually-hidden">Compare</span>
              </th>
              {sortHeader('title', 'Title')}
              {sortHeader('date', 'Date', 'col-date')}
              {sortHeader('outlet', 'Outlet', 'col-outlet')}
              {sortHeader('author', 'Author', 'col-author')}
              {sortHeader('annotations', 'Annotations', 'col-annotations')}
            </tr>
          </thead>
          <tbody ref={virtual.listRef}>
            {virtual.padding.top > 0 ? (
              <tr aria-hidden="true" className="virtual-spacer">
                <td style={{ height: virtual.padding.top }} />
              </tr>
            ) : null}
            {virtual.rows.map(({ index }) => {
              const a = rowAt(index);
              if (!a) {
                return (
                  <tr key={`row-${index}`} ref={virtual.measureRef} data-index={index} aria-rowindex={index + 2}>
                    <td className="col-check" />
                    <td colSpan={5} className="muted">
                      Loading…
                    </td>
                  </tr>
                );
              }
              const title = a.title || `Untitled (${a.id})`;
              const counts = tagCounts(a.counts, codebook);
              const isChecked = checked.includes(a.id);
              return (
                <tr
                  key={a.id}
                  ref={virtual.measureRef}
                  data-index={index}
                  aria-rowindex={index + 2}
                  className={isChecked ? 'is-checked' : undefined}
                >
                  <td className="col-check">
                    <input
                      type="checkbox"
                      aria-label={`Compare ${title}`}
                      checked={isChecked}
                      onChange={(e) => onCheck(a.id, e.target.checked)}
                    />
                  </td>
                  <td>
                    <button type="button" className="title-button" dir="auto" onClick={() => onOpen(a.id)}>
                      {title}
                    </button>
                    {a.versions ? <span className="version-count" title="Versions of its text">{`${formatCount(a.versions, 'version')}`}</span> : null}
                  </td>
                  <td className="col-date">{a.date ?? <span className="muted">—</span>}</td>
                  <td className="col-outlet">{a.outlet ?? <span className="muted">—</span>}</td>
                  <td className="col-author">{a.author ?? <span className="muted">—</span>}</td>
                  <td className="col-annotations">
                    {counts.length === 0 ? (
                      <span className="muted">None</span>
                    ) : (
                      <span className="chips">
                        {counts.map((c) => (
                          <TagChip key={c.tag.id} tag={c.tag}>{`${formatCount(c.count)} ${c.tag.name}`}</TagChip>
                        ))}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
            {virtual.padding.bottom > 0 ? (
              <tr aria-hidden="true" className="virtual-spacer">
                <td style={{ height: virtual.padding.bottom }} />
              </tr>
            ) : null}
          </tbody>
        </table>
      )}
    </div>
  );
}
