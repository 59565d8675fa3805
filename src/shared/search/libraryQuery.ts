/**
 * The library's sort and filter (issue 18), pure so that it can run where
 * the rows are — in the window today, in the core once the library is paged
 * for very large corpora. Filters: words in the title, outlet, author or id
 * (every word must match, any case), one outlet, a date range (inclusive;
 * articles without a date are left out once a bound is set), with or without
 * annotations. Sort by any column, either way; rows without the value
 * (no date, no outlet) always come last; ties keep the library's order.
 */
import type { ArticleSummary } from '../model/model';

export type LibrarySortKey = 'title' | 'date' | 'outlet' | 'author' | 'annotations';

export interface LibraryQuery {
  text: string;
  /** Exactly this outlet, or null for every outlet. */
  outlet: string | null;
  /** `YYYY-MM-DD` bounds, inclusive, or null. */
  from: string | null;
  to: string | null;
  annotated: 'any' | 'yes' | 'no';
  sort: { key: LibrarySortKey; descending: boolean } | null;
}

export const EVERY_ARTICLE: LibraryQuery = { text: '', outlet: null, from: null, to: null, annotated: 'any', sort: null };

type Row = Pick<ArticleSummary, 'id' | 'title' | 'date' | 'outlet' | 'counts'> & { author?: string | null };

export function annotationTotal(row: Pick<ArticleSummary, 'counts'>): number {
  let n = 0;
  for (const c of Object.values(row.counts)) n += c;
  return n;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function sortValue(row: Row, key: LibrarySortKey): string | number | null {
  switch (key) {
    case 'title':
      return row.title.trim() || null;
    case 'date':
      return row.date ? row.date.slice(0, 10) : null;
    case 'outlet':
      return row.outlet?.trim() || null;
    case 'author':
      return row.author?.trim() || null;
    case 'annotations':
      return annotationTotal(row);
  }
}

export function queryLibrary<T extends Row>(rows: readonly T[], query: LibraryQuery): T[] {
  const words = query.text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const kept = rows.filter((row) => {
    if (query.outlet !== null && (row.outlet ?? '') !== query.outlet) return false;
    if (query.from || query.to) {
      const day = row.date?.slice(0, 10);
      if (!day) return false;
      if (query.from && day < query.from) return false;
      if (query.to && day > query.to) return false;
    }
    if (query.annotated !== 'any' && annotationTotal(row) > 0 !== (query.annotated === 'yes')) return false;
    if (words.length > 0) {
      const haystack = [row.title, row.outlet, row.author, row.id].filter(Boolean).join(' ').toLocaleLowerCase();
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  });
  const sort = query.sort;
  if (!sort) return kept;
  const order = new Map(rows.map((r, i) => [r, i]));
  return kept.sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va === null || vb === null) return va === vb ? order.get(a)! - order.get(b)! : va === null ? 1 : -1;
    const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    return c !== 0 ? (sort.descending ? -c : c) : order.get(a)! - order.get(b)!;
  });
}

/** The outlets in the library, for the outlet filter, in alphabetical order. */
export function libraryOutlets(rows: readonly Pick<Row, 'outlet'>[]): string[] {
  return [...new Set(rows.map((r) => r.outlet).filter((o): o is string => !!o))].sort(collator.compare);
}
