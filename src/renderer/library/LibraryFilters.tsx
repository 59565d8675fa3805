/**
 * The library's filter bar (issue 18): words (title, outlet, author), one
 * outlet, a date range and with/without annotations, with how many rows
 * show, and "Clear filters" when any is set. The core applies the query
 * (shared/search/libraryWindow) and sends the rows in view.
 */
import { useId } from 'react';
import type { LibraryOrderQuery } from '../../shared/search/libraryWindow';
import { formatCount } from '../components/formatCount';

export interface LibraryFiltersProps {
  query: LibraryOrderQuery;
  outlets: readonly string[];
  shown: number;
  total: number;
  onChange: (query: LibraryOrderQuery) => void;
}

export function LibraryFilters({ query, outlets, shown, total, onChange }: LibraryFiltersProps) {
  const id = useId();
  const set = (patch: Partial<LibraryOrderQuery>) => onChange({ ...query, ...patch });
  const filtered = query.filter !== '' || query.outlet !== null || query.from !== null || query.to !== null || query.annotated !== 'any';
  return (
    <search className="library-filters" aria-label="Filter the library">
      <label className="library-filters__field library-filters__text">
        <span>Filter</span>
        <input type="search" placeholder="Title, outlet or author" value={query.filter} onChange={(e) => set({ filter: e.target.value })} />
      </label>
      <label className="library-filters__field">
        <span>Outlet</span>
        <select value={query.outlet ?? ''} onChange={(e) => set({ outlet: e.target.value === '' ? null : e.target.value })}>
          <option value="">All outlets</option>
          {outlets.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label className="library-filters__field">
        <span>From</span>
        <input type="date" value={query.from ?? ''} max={query.to ?? undefined} onChange={(e) => set({ from: e.target.value || null })} />
      </label>
      <label className="library-filters__field">
        <span>To</span>
        <input type="date" value={query.to ?? ''} min={query.from ?? undefined} onChange={(e) => set({ to: e.target.value || null })} />
      </label>
      <label className="library-filters__field">
        <span>Annotations</span>
        <select value={query.annotated} onChange={(e) => set({ annotated: e.target.value as LibraryOrderQuery['annotated'] })}>
          <option value="any">Any</option>
          <option value="yes">Annotated</option>
          <option value="no">Not annotated</option>
        </select>
      </label>
      <p className="library-filters__count" id={`${id}-count`} role="status">
        {filtered ? `${formatCount(shown)} of ${formatCount(total)} articles` : formatCount(total, 'article')}
      </p>
      {filtered ? (
        <button type="button" className="secondary-button" onClick={() => onChange({ ...query, filter: '', outlet: null, from: null, to: null, annotated: 'any' })}>
          Clear filters
        </button>
      ) : null}
    </search>
  );
}
