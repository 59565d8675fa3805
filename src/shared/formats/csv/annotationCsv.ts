/**
 * Annotations as CSV for R, pandas or a spreadsheet: one row per annotation,
 *   annotation_id, article_id, article_title, outlet, date, author, url,
 *   tag_id, tag,
 *   one column per attribute of the codebook (`<tagId>.<attributeId>`, empty
 *   where the annotation's tag does not declare it),
 *   exact, exact_raw, start, end, note, creator, created, modified,
 *   groups (the labels of the groups it belongs to, joined " | "),
 *   text_version (the version of the article's text start/end and exact are
 *   over), in_current_text ("yes"; "no" for an annotation a newer version of
 *   the text no longer holds, kept with its version: rows after the article's
 *   other annotations).
 * RFC 4180 quoting (papaparse), CRLF after every record, and a UTF-8 byte
 * order mark first so spreadsheet programs read accents and curly quotes
 * right (R: read.csv(fileEncoding = "UTF-8-BOM"); readr::read_csv and
 * pandas.read_csv(encoding="utf-8-sig") drop it themselves). Text cells that
 * a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR)
 * get a leading "'", so opening the file never runs article text — except
 * `exact_raw`, the quoted text exactly as it stands at start–end, for
 * analysis (`exact` is the same text, guarded). Numbers (offsets, number
 * attributes) are written as they are. Built in pieces so a streamed export
 * can write it article by article.
 */
import { creditedName, type SpeakerLookup } from '../../crossArticle/creditedName';
import Papa from 'papaparse';
import type { Group } from '../../crossArticle/crossArticle';
import { currentVersion, type Annotation, type ArticleMeta, type AttributeValue, type Tag, type UnanchoredAnnotation } from '../../model/model';
import { inExportOrder } from '../w3c/w3cExport';

export const BYTE_ORDER_MARK = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const JOIN = ' | ';
const NEWLINE = '\r\n';

type Cell = string | number;

/** The header row for a codebook. */
export function annotationCsvHeader(codebook: readonly Tag[]): string[] {
  return [
    'annotation_id',
    'article_id',
    'article_title',
    'outlet',
    'date',
    'author',
    'url',
    'tag_id',
    'tag',
    ...codebook.flatMap((t) => t.attributes.map((a) => `${t.id}.${a.id}`)),
    'exact',
    'exact_raw',
    'start',
    'end',
    'note',
    'creator',
    'created',
    'modified',
    'groups',
    'text_version',
    'in_current_text',
    // Whom a Quote's speaker or a Source's name credits, by the people index (the attribute column keeps it as typed).
    'speaker_id',
    'speaker_name',
  ];
}

/** The columns written without the formula guard: `exact_raw`. */
export function annotationRawColumns(codebook: readonly Tag[]): Set<number> {
  return new Set([annotationCsvHeader(codebook).indexOf('exact_raw')]);
}

/** Group labels per annotation (key: `articleId` NUL `annotationId`), in group order. */
export function groupLabelsByAnnotation(groups: readonly Group[]): Map<string, string[]> {
  const labels = new Map<string, string[]>();
  for (const group of groups) {
    for (const m of new Set(group.members.map((m) => annotationKey(m.articleId, m.annotationId)))) {
      labels.set(m, [...(labels.get(m) ?? []), group.label]);
    }
  }
  return labels;
}

export function annotationKey(articleId: string, annotationId: string): string {
  return `${articleId}\u0000${annotationId}`;
}

/** One article's rows, in the order given. */
export type CsvArticle = Pick<ArticleMeta, 'id' | 'title'> & Partial<Pick<ArticleMeta, 'outlet' | 'date' | 'author' | 'url' | 'versions'>>;

/**
 * `annotations`: over the current text, or (with their `version`) kept with an older version, which the
 * rows say in text_version and in_current_text.
 */
export function annotationCsvRows(
  article: CsvArticle,
  annotations: readonly (Annotation | UnanchoredAnnotation)[],
  codebook: readonly Tag[],
  groupLabels: ReadonlyMap<string, readonly string[]>,
  speakers?: SpeakerLookup,
): Cell[][] {
  const tagNames = new Map(codebook.map((t) => [t.id, t.name]));
  return annotations.map((a) => [
    a.id,
    article.id,
    article.title,
    article.outlet ?? '',
    article.date ?? '',
    article.author ?? '',
    article.url ?? '',
    a.tagId,
    tagNames.get(a.tagId) ?? a.tagId,
    ...codebook.flatMap((t) => t.attributes.map((def) => (t.id === a.tagId ? cellOf(a.attributes[def.id]) : ''))),
    a.exact,
    a.exact,
    a.start,
    a.end,
    a.note,
    a.creator,
    a.created,
    a.modified,
    (groupLabels.get(annotationKey(article.id, a.id)) ?? []).join(JOIN),
    // The version of the article's text the offsets are over.
    'version' in a ? a.version : currentVersion(article),
    'version' in a ? 'no' : 'yes',
    ...speakerCells(article.id, a, speakers),
  ]);
}

/** speaker_id and speaker_name: the entity's id and canonical name, else the name as typed (no id). */
function speakerCells(articleId: string, a: Annotation, speakers: SpeakerLookup | undefined): [string, string] {
  const typed = creditedName(a.tagId, a.attributes);
  if (!typed) return ['', ''];
  const canonical = speakers?.(articleId, typed);
  return canonical ? [canonical.id, canonical.name] : ['', typed];
}

/**
 * Records as CSV text, each ending with CRLF (empty for no records). Text
 * cells that start like a formula get a leading "'" (and quotes, as
 * papaparse's own guard writes them), except in `rawColumns`.
 */
export function csvRecords(rows: readonly (readonly Cell[])[], rawColumns: ReadonlySet<number> = new Set()): string {
  if (rows.length === 0) return '';
  const guarded = rows.map((row) => row.map((cell, col) => (typeof cell === 'string' && !rawColumns.has(col) && FORMULA_START.test(cell) ? `'${cell}` : cell)));
  const quoteGuarded = (value: unknown, col: number): boolean =>
    typeof value === 'string' && !rawColumns.has(col) && value.startsWith("'") && FORMULA_START.test(value.slice(1));
  return `${Papa.unparse(guarded, { newline: NEWLINE, quotes: quoteGuarded, escapeFormulae: false })}${NEWLINE}`;
}

export interface AnnotationCsvInput {
  codebook: readonly Tag[];
  groups: readonly Group[];
  articles: readonly (CsvArticle & { annotations: readonly Annotation[]; unanchored?: readonly UnanchoredAnnotation[] })[];
}

/** The whole file: byte order mark, header, then each article's annotations in text order. */
export function annotationCsv(input: AnnotationCsvInput, speakers?: SpeakerLookup): string {
  const labels = groupLabelsByAnnotation(input.groups);
  let text = BYTE_ORDER_MARK + csvRecords([annotationCsvHeader(input.codebook)]);
  for (const article of input.articles) {
    const rows = [...inExportOrder(article.annotations), ...inExportOrder(article.unanchored ?? [])];
    text += csvRecords(annotationCsvRows(article, rows, input.codebook, labels, speakers), annotationRawColumns(input.codebook));
  }
  return text;
}

function cellOf(value: AttributeValue | undefined): Cell {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}
