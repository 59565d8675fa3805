/**
 * The library: every article with its date, outlet, author and annotation
 * counts per tag, filtered and sorted by any column (LibraryFilters, the
 * column heads; shared/search/libraryQuery does the work). A title opens the
 * reader; the checkboxes choose articles for "Compare selected" (two or more).
 */
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { EVERY_ARTICLE, libraryOutlets, queryLibrary, type LibraryQuery, type LibrarySortKey } from '../../shared/search/libraryQuery';
import { LibraryFilters } from './LibraryFilters';
import type { ArticleSummary, Tag } from '../../shared/model/model';
import { PERF_MARKS, usePaintMark } from '../app/perfMarks';
import { preloadScreens } from '../app/lazyScreens';
import { LibraryImport } from '../exchange';
import { TagChip } from '../components/TagChip';
import { tagCounts } from './tagCounts';
import { useVirtualRows } from '../components/useVirtualRows';

export interface LibraryViewProps {
  articles: readonly ArticleSummary[] | null;
  failed: boolean;
  codebook: readonly Tag[];
  checked: readonly string[];
  onCheck: (id: string, on: boolean) => void;
  onOpen: (id: string) => void;
  onCompare: () => void;
  onRetry: () => void;
}

export function LibraryView({ articles: all, failed, codebook, checked, onCheck, onOpen, onCompare, onRetry }: LibraryViewProps) {
  const hintId = useId();
  const [query, setQuery] = useState<LibraryQuery>(EVERY_ARTICLE);
  const articles = useMemo(() => (all ? queryLibrary(all, query) : null), [all, query]);
  const outlets = useMemo(() => (all ? libraryOutlets(all) : []), [all]);
  // Long libraries draw only the rows in view (see useVirtualRows).
  const virtual = useVirtualRows<HTMLTableSectionElement>(articles?.length ?? 0, (i) => articles?.[i]?.id ?? String(i), 66);
  usePaintMark(PERF_MARKS.libraryVisible, all !== null, all);
  // Once the list is on screen, the other screens' code loads while the browser is idle.
  const listed = all !== null;
  useEffect(() => {
    if (!listed) return;
    const idle = requestIdleCallback(preloadScreens, { timeout: 500 });
    return () => cancelIdleCallback(idle);
  }, [listed]);
  const chosen = all ? checked.filter((id) => all.some((a) => a.id === id)).length : 0;

  const sortState = (key: LibrarySortKey) => (query.sort?.key !== key ? 'none' : query.sort.descending ? 'descending' : 'ascending');
  const sortHeader = (key: LibrarySortKey, label: ReactNode, className?: string) => {
    const state = sortState(key);
    return (
      <th scope="col" className={className} aria-sort={state}>
        <button
          type="button"
          className="sort-button"
          onClick={() =>
            setQuery((q) => ({
              ...q,
              // Off → ascending → descending → off (the library's own order).
              sort: q.sort?.key !== key ? { key, descending: false } : q.sort.descending ? null : { key, descending: true },
            }))
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
                : `${chosen} articles chosen.`}
          </span>
          <button type="button" className="primary-button" disabled={chosen < 2} onClick={onCompare} aria-describedby={hintId}>
            Compare selected
          </button>
        </div>
      </div>
      <LibraryImport onImported={onRetry} />

      {all && all.length > 0 ? <LibraryFilters query={query} outlets={outlets} shown={articles?.length ?? 0} total={all.length} onChange={setQuery} /> : null}

      {articles === null || all === null ? (
        failed ? (
          <div className="library__empty">
            <p>The library could not be loaded.</p>
            <button type="button" onClick={onRetry}>
              Try again
            </button>
          </div>
        ) : (
          <p className="loading" role="status">
            Loading the library…
          </p>
        )
      ) : all.length === 0 ? (
        <p className="library__empty">No articles in the library yet. Import articles, or drop files or folders here, to start.</p>
      ) : articles.length === 0 ? (
        <p className="library__empty">No article matches these filters.</p>
      ) : (
        <table className="library__table" aria-rowcount={articles.length + 1}>
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
              const a = articles[index]!;
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
                    <button type="button" className="title-button" onClick={() => onOpen(a.id)}>
                      {title}
                    </button>
                    {a.versions ? <span className="version-count" title="Versions of its text">{`${a.versions} versions`}</span> : null}
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
                          <TagChip key={c.tag.id} tag={c.tag}>{`${c.count} ${c.tag.name}`}</TagChip>
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
