/**
 * The library list one window at a time (issue 20): which articles the
 * filters keep (words; one outlet; a date range, inclusive, which leaves out
 * articles without a date; with or without annotations — issue 18), in which
 * order (title, outlet, date, author or annotation count, either way), and
 * the rows from `offset` on. Pure, so the core computes it
 * once per library revision and the renderer's virtual list asks only for
 * the rows it shows instead of the whole list (20 MB at 100,000 articles).
 */
import { z } from 'zod';
import { ArticleSummarySchema, type ArticleSummary } from '../model/model';
import { foldQuery } from './corpusSearch';

export const LIBRARY_SORT_KEYS = ['library', 'title', 'outlet', 'date', 'author', 'annotations'] as const;
export type LibrarySortKey = (typeof LIBRARY_SORT_KEYS)[number];

/** Rows one call may ask for. */
export const MAX_LIBRARY_WINDOW = 1000;

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

export const LibraryWindowQuerySchema = z
  .object({
    offset: z.number().int().nonnegative(),
    limit: z.number().int().positive().max(MAX_LIBRARY_WINDOW),
    /** "library": the order articles were added in. */
    sort: z.enum(LIBRARY_SORT_KEYS).default('library'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    /** Keeps articles whose title, outlet, author, date or id hold every word of this text (any case, any quote mark). */
    filter: z.string().max(500).default(''),
    /** Exactly this outlet, or null for every outlet. */
    outlet: z.string().max(500).nullable().default(null),
    /** `YYYY-MM-DD` bounds, inclusive, or null. */
    from: DaySchema.nullable().default(null),
    to: DaySchema.nullable().default(null),
    annotated: z.enum(['any', 'yes', 'no']).default('any'),
  })
  .strict();
export type LibraryWindowQuery = z.input<typeof LibraryWindowQuerySchema>;
export type LibraryOrderQuery = Omit<z.output<typeof LibraryWindowQuerySchema>, 'offset' | 'limit'>;

export const LibraryWindowSchema = z.object({
  /** Articles the filters keep (all of them without one). */
  total: z.number().int().nonnegative(),
  /** Articles in the library. */
  libraryTotal: z.number().int().nonnegative(),
  /** The library's outlets, once each, in alphabetical order (for the outlet filter). */
  outlets: z.array(z.string()),
  offset: z.number().int().nonnegative(),
  rows: z.array(ArticleSummarySchema),
  /** The library revision the window was made under (see the contract's libraryRevision). */
  revision: z.string(),
  /** Articles whose annotation counts are still being counted (shown as none meanwhile); 0 once all are known. */
  countsPending: z.number().int().nonnegative(),
});
export type LibraryWindow = z.infer<typeof LibraryWindowSchema>;

/** What ordering needs of one article. */
export type LibraryRow = Pick<ArticleSummary, 'id' | 'title' | 'date' | 'outlet'> & { author?: string | null };

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
    const row = rows[i]!;
    if (needle !== '' && !matches(row, needle)) continue;
    if (query.outlet !== null && (row.outlet ?? '') !== query.outlet) continue;
    if (query.from !== null || query.to !== null) {
      const day = row.date?.slice(0, 10);
      if (!day || (query.from !== null && day < query.from) || (query.to !== null && day > query.to)) continue;
    }
    if (query.annotated !== 'any' && annotationCount(row.id) > 0 !== (query.annotated === 'yes')) continue;
    kept.push(i);
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
      return sortByText(kept, (i) => rows[i]!.outlet || null, sign);
    case 'author':
      return sortByText(kept, (i) => rows[i]!.author?.trim() || null, sign);
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

/** Every word of the filter is in the title, outlet, author, date or id (any case, any quote mark). */
function matches(row: LibraryRow, needle: string): boolean {
  const haystack = foldQuery([row.title, row.outlet, row.author, row.date, row.id].filter(Boolean).join('\n'));
  return needle.split(/\s+/).every((word) => word === '' || haystack.includes(word));
}

/** The rows of `order` from `offset`, at most `limit`, made into summaries. */
export function windowOf<T>(order: readonly number[], offset: number, limit: number, row: (index: number) => T): T[] {
  const out: T[] = [];
  for (let k = offset; k < Math.min(order.length, offset + limit); k++) out.push(row(order[k]!));
  return out;
}

/** The outlets of `rows`, once each, in alphabetical order. */
export function libraryOutlets(rows: readonly Pick<LibraryRow, 'outlet'>[]): string[] {
  return [...new Set(rows.map((r) => r.outlet).filter((o): o is string => !!o))].sort(collator.compare);
}
