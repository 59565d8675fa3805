/**
 * The library list one window at a time (issue 20): which articles a text
 * filter keeps, in which order (title, outlet, date or annotation count,
 * either way), and the rows from `offset` on. Pure, so the core computes it
 * once per library revision and the renderer's virtual list asks only for
 * the rows it shows instead of the whole list (20 MB at 100,000 articles).
 */
import { z } from 'zod';
import { ArticleSummarySchema, type ArticleSummary } from '../model/model';
import { foldQuery } from './corpusSearch';

export const LIBRARY_SORT_KEYS = ['library', 'title', 'outlet', 'date', 'annotations'] as const;
export type LibrarySortKey = (typeof LIBRARY_SORT_KEYS)[number];

/** Rows one call may ask for. */
export const MAX_LIBRARY_WINDOW = 1000;

export const LibraryWindowQuerySchema = z
  .object({
    offset: z.number().int().nonnegative(),
    limit: z.number().int().positive().max(MAX_LIBRARY_WINDOW),
    /** "library": the order articles were added in. */
    sort: z.enum(LIBRARY_SORT_KEYS).default('library'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    /** Keeps articles whose title, outlet, date or id holds this text (any case, any quote mark). */
    filter: z.string().max(500).default(''),
  })
  .strict();
export type LibraryWindowQuery = z.input<typeof LibraryWindowQuerySchema>;
export type LibraryOrderQuery = Pick<z.output<typeof LibraryWindowQuerySchema>, 'sort' | 'direction' | 'filter'>;

export const LibraryWindowSchema = z.object({
  /** Articles the filter keeps (all of them without one). */
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  rows: z.array(ArticleSummarySchema),
  /** The library revision the window was made under (see the contract's libraryRevision). */
  revision: z.string(),
  /** Articles whose annotation counts are still being counted (shown as none meanwhile); 0 once all are known. */
  countsPending: z.number().int().nonnegative(),
});
export type LibraryWindow = z.infer<typeof LibraryWindowSchema>;

/** What ordering needs of one article. */
export type LibraryRow = Pick<ArticleSummary, 'id' | 'title' | 'date' | 'outlet'>;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Positions (into `rows`) of the rows the filter keeps, in the query's
 * order. Articles without the sorted field (no outlet, no date) come last
 * either way; ties keep the library's order.
 */
export function orderLibrary(
  rows: readonly LibraryRow[],
  query: LibraryOrderQuery,
  annotationCount: (id: string) => number,
): number[] {
  const needle = foldQuery(query.filter);
  const kept: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (needle === '' || matches(rows[i]!, needle)) kept.push(i);
  }
  const sign = query.direction === 'desc' ? -1 : 1;
  switch (query.sort) {
    case 'library':
      if (sign < 0) kept.reverse();
      return kept;
    case 'annotations': {
      const counts = new Map(kept.map((i) => [i, annotationCount(rows[i]!.id)]));
      return kept.sort((a, b) => (counts.get(a)! - counts.get(b)!) * sign || a - b);
    }
    case 'title':
      return sortByText(kept, (i) => rows[i]!.title || null, sign);
    case 'outlet':
      return sortByText(kept, (i) => rows[i]!.outlet, sign);
    case 'date':
      // ISO dates order as text.
      return sortByText(kept, (i) => rows[i]!.date, sign, (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

function sortByText(
  kept: number[],
  field: (i: number) => string | null,
  sign: number,
  compare: (a: string, b: string) => number = collator.compare,
): number[] {
  const values = new Map(kept.map((i) => [i, field(i)]));
  return kept.sort((a, b) => {
    const x = values.get(a)!;
    const y = values.get(b)!;
    if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
    return compare(x, y) * sign || a - b;
  });
}

function matches(row: LibraryRow, needle: string): boolean {
  for (const field of [row.title, row.outlet, row.date, row.id]) {
    if (field && foldQuery(field).includes(needle)) return true;
  }
  return false;
}

/** The rows of `order` from `offset`, at most `limit`, made into summaries. */
export function windowOf<T>(order: readonly number[], offset: number, limit: number, row: (index: number) => T): T[] {
  const out: T[] = [];
  for (let k = offset; k < Math.min(order.length, offset + limit); k++) out.push(row(order[k]!));
  return out;
}
