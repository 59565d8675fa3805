/**
 * The corpus-wide annotation table (issue 4): one compact row per annotation,
 * the query (filters, sort, page) `listAllAnnotations` takes, and the pure
 * filter-and-sort the core runs over every row. The table pages through the
 * result, so 100,000 annotations never cross the transport at once.
 */
import { z } from 'zod';
import { ArticleIdSchema, AttributeValueSchema, type AttributeValue } from '../model/model';
import { RowSpeakerSchema, speakerMatcher, type NamedEntity } from './speakerFilter';

/** Longest quote and note a row carries (the reader shows the whole). */
export const ROW_TEXT_MAX = 400;

export const AnnotationRowSchema = z.object({
  id: z.string(),
  articleId: ArticleIdSchema,
  articleTitle: z.string(),
  tagId: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  note: z.string(),
  attributes: z.record(z.string(), AttributeValueSchema),
  creator: z.string(),
  modified: z.string(),
  /** Whom its speaker (Quote) or name (Source) attribute credits, by the people index: the entity's id and canonical name (absent or null: no one). */
  speaker: RowSpeakerSchema.nullable().optional(),
});
export type AnnotationRow = z.infer<typeof AnnotationRowSchema>;

export const TABLE_COLUMNS = ['article', 'tag', 'quote', 'speaker', 'attributes', 'note', 'creator', 'modified'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

export const AnnotationTableQuerySchema = z
  .object({
    tagIds: z.array(z.string().min(1).max(64)).max(100).optional(),
    articleIds: z.array(ArticleIdSchema).max(100_000).optional(),
    creators: z.array(z.string().max(200)).max(100).optional(),
    /** Only annotations the coders disagree on (per article, as the reader's "only disagreements" layer). */
    disagreements: z.boolean().optional(),
    /** Matched (case-insensitive) against the quote, the note and the attribute values. */
    text: z.string().max(500).optional(),
    /** Annotations whose attribute `id` holds `value` (text: contains it; others: equal as text). */
    attribute: z.object({ id: z.string().min(1).max(64), value: z.string().max(500) }).strict().optional(),
    /** Annotations credited to an entity one of whose names (canonical or alias) contains this (speakerFilter.ts). */
    speaker: z.string().max(500).optional(),
    sort: z.object({ column: z.enum(TABLE_COLUMNS), direction: z.enum(['asc', 'desc']) }).strict().optional(),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type AnnotationTableQuery = z.input<typeof AnnotationTableQuerySchema>;

export const AnnotationTablePageSchema = z.object({
  /** Rows matching the filters (all pages). */
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  rows: z.array(AnnotationRowSchema),
  /** Every creator in the corpus, for the filter. */
  creators: z.array(z.string()),
});
export type AnnotationTablePage = z.infer<typeof AnnotationTablePageSchema>;

const lower = (s: string) => s.toLocaleLowerCase();

function attributeText(v: AttributeValue): string {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

/** The attributes as one line: `speaker: Putin; form: direct`. */
export function attributesLine(attributes: Readonly<Record<string, AttributeValue>>): string {
  return Object.entries(attributes)
    .map(([k, v]) => `${k}: ${attributeText(v)}`)
    .join('; ');
}

function matchesAttribute(row: FilterableRow, id: string, value: string): boolean {
  const v = row.attributes[id];
  if (v === undefined) return false;
  const want = lower(value.trim());
  if (want === '') return true;
  if (typeof v === 'string') return lower(v).includes(want);
  return lower(attributeText(v)) === want || String(v) === want;
}

/** What the filters look at: table rows and annotations alike. */
export type FilterableRow = Pick<AnnotationRow, 'tagId' | 'articleId' | 'creator' | 'exact' | 'note' | 'attributes'> & Partial<Pick<AnnotationRow, 'speaker'>>;

/**
 * Rows passing every filter of the query (the annotation list filters an article's annotations with it too).
 * `entities`: the people index, so the speaker filter finds an entity by any of its names.
 */
export function filterRows<T extends FilterableRow>(rows: readonly T[], query: AnnotationTableQuery, entities?: readonly NamedEntity[]): T[] {
  const tags = query.tagIds?.length ? new Set(query.tagIds) : null;
  const articles = query.articleIds?.length ? new Set(query.articleIds) : null;
  const creators = query.creators?.length ? new Set(query.creators) : null;
  const text = lower(query.text?.trim() ?? '');
  const attribute = query.attribute;
  const speaker = query.speaker?.trim() ? speakerMatcher(query.speaker, entities) : null;
  return rows.filter(
    (r) =>
      (!tags || tags.has(r.tagId)) &&
      (!articles || articles.has(r.articleId)) &&
      (!creators || creators.has(r.creator)) &&
      (!attribute || matchesAttribute(r, attribute.id, attribute.value)) &&
      (!speaker || speaker(r.speaker)) &&
      (text === '' ||
        lower(r.exact).includes(text) ||
        lower(r.note).includes(text) ||
        (!!r.speaker && lower(r.speaker.name).includes(text)) ||
        Object.values(r.attributes).some((v) => lower(attributeText(v)).includes(text))),
  );
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function sortKey(row: AnnotationRow, column: TableColumn): string {
  switch (column) {
    case 'article':
      return row.articleTitle;
    case 'tag':
      return row.tagId;
    case 'quote':
      return row.exact;
    case 'speaker':
      return row.speaker?.name ?? '';
    case 'attributes':
      return attributesLine(row.attributes);
    case 'note':
      return row.note;
    case 'creator':
      return row.creator;
    case 'modified':
      return row.modified;
  }
}

/**
 * Sorted by the column (ties: article, then position in the text); empty
 * values last either way. Without a sort: article order, then text order.
 */
export function sortRows(rows: readonly AnnotationRow[], sort: AnnotationTableQuery['sort']): AnnotationRow[] {
  // Articles ranked once by title (then id), so comparing two rows' places is a few subtractions.
  const articles = [...new Map(rows.map((r) => [r.articleId, r.articleTitle])).entries()].sort(
    (x, y) => collator.compare(x[1], y[1]) || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0),
  );
  const rank = new Map(articles.map(([id], i) => [id, i]));
  const byPlace = (a: AnnotationRow, b: AnnotationRow) => rank.get(a.articleId)! - rank.get(b.articleId)! || a.start - b.start || a.end - b.end;
  if (!sort) {
    const placed = rows.map((row) => ({ row, r: rank.get(row.articleId)! }));
    placed.sort((a, b) => a.r - b.r || a.row.start - b.row.start || a.row.end - b.row.end);
    return placed.map((p) => p.row);
  }
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, key: sortKey(row, sort.column) }));
  keyed.sort((a, b) => {
    if (a.key === '' || b.key === '') {
      if (a.key !== b.key) return a.key === '' ? 1 : -1;
      return byPlace(a.row, b.row);
    }
    const c = sort.column === 'modified' ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : collator.compare(a.key, b.key);
    return c * sign || byPlace(a.row, b.row);
  });
  return keyed.map((k) => k.row);
}

/** Filter, sort, then the page the query asks for. */
export function queryAnnotationTable(
  rows: readonly AnnotationRow[],
  query: AnnotationTableQuery,
  entities?: readonly NamedEntity[],
): { total: number; offset: number; rows: AnnotationRow[] } {
  const parsed = AnnotationTableQuerySchema.parse(query);
  const matching = sortRows(filterRows(rows, parsed, entities), parsed.sort);
  return { total: matching.length, offset: parsed.offset, rows: matching.slice(parsed.offset, parsed.offset + parsed.limit) };
}
