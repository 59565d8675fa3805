/**
 * Annotations as CSV for R, pandas or a spreadsheet: one row per annotation,
 *   annotation_id, article_id, article_title, tag_id, tag,
 *   one column per attribute of the codebook (`<tagId>.<attributeId>`, empty
 *   where the annotation's tag does not declare it),
 *   exact, start, end, note, creator, created, modified,
 *   groups (the labels of the groups it belongs to, joined " | ").
 * RFC 4180 quoting (papaparse), CRLF after every record, and a UTF-8 byte
 * order mark first so spreadsheet programs read accents and curly quotes
 * right. Text cells that a spreadsheet would run as a formula (starting with
 * =, +, -, @, tab or CR) get a leading "'", so opening the file never runs
 * article text; numbers (offsets, number attributes) are written as they are.
 * Built in pieces so a streamed export can write it article by article.
 */
import Papa from 'papaparse';
import type { Group } from '../../crossArticle/crossArticle';
import type { Annotation, ArticleMeta, AttributeValue, Tag } from '../../model/model';
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
    'tag_id',
    'tag',
    ...codebook.flatMap((t) => t.attributes.map((a) => `${t.id}.${a.id}`)),
    'exact',
    'start',
    'end',
    'note',
    'creator',
    'created',
    'modified',
    'groups',
  ];
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
export function annotationCsvRows(
  article: Pick<ArticleMeta, 'id' | 'title'>,
  annotations: readonly Annotation[],
  codebook: readonly Tag[],
  groupLabels: ReadonlyMap<string, readonly string[]>,
): Cell[][] {
  const tagNames = new Map(codebook.map((t) => [t.id, t.name]));
  return annotations.map((a) => [
    a.id,
    article.id,
    article.title,
    a.tagId,
    tagNames.get(a.tagId) ?? a.tagId,
    ...codebook.flatMap((t) => t.attributes.map((def) => (t.id === a.tagId ? cellOf(a.attributes[def.id]) : ''))),
    a.exact,
    a.start,
    a.end,
    a.note,
    a.creator,
    a.created,
    a.modified,
    (groupLabels.get(annotationKey(article.id, a.id)) ?? []).join(JOIN),
  ]);
}

/** Records as CSV text, each ending with CRLF (empty for no records). */
export function csvRecords(rows: readonly (readonly Cell[])[]): string {
  if (rows.length === 0) return '';
  return `${Papa.unparse(rows as Cell[][], { newline: NEWLINE, quotes: false, escapeFormulae: FORMULA_START })}${NEWLINE}`;
}

export interface AnnotationCsvInput {
  codebook: readonly Tag[];
  groups: readonly Group[];
  articles: readonly (Pick<ArticleMeta, 'id' | 'title'> & { annotations: readonly Annotation[] })[];
}

/** The whole file: byte order mark, header, then each article's annotations in text order. */
export function annotationCsv(input: AnnotationCsvInput): string {
  const labels = groupLabelsByAnnotation(input.groups);
  let text = BYTE_ORDER_MARK + csvRecords([annotationCsvHeader(input.codebook)]);
  for (const article of input.articles) {
    text += csvRecords(annotationCsvRows(article, inExportOrder(article.annotations), input.codebook, labels));
  }
  return text;
}

function cellOf(value: AttributeValue | undefined): Cell {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}
