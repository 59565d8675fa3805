/**
 * An annotation table (CSV) read back for import: each row becomes a W3C
 * Web Annotation item that importW3C then places like any other tool's —
 * so a table exported by Triangulate, recoded in R or a spreadsheet, or
 * written by hand comes in with the same matching, tag mapping and
 * item-by-item report. Columns, by the names `export --format csv` writes
 * (order free, other columns ignored):
 *   article_id and/or url     which article (neither: found by its quote)
 *   tag and/or tag_id         the tag, by name or id
 *   exact_raw (else exact)    the quoted text; `exact`'s spreadsheet guard
 *                             (a leading "'" before =, +, -, @) is undone
 *   start, end                character offsets, when known
 *   note, creator, created, modified, annotation_id
 *   <tag_id>.<attribute_id>   attribute values of the row's tag
 * Comma, semicolon (what spreadsheets in many European locales write)
 * and tab-separated tables are all read: the separator is the one whose
 * header row names the columns above.
 * The `groups` column is not read back (groups travel in W3C, project and
 * .qdpx files). A file without a tag column or a quote column is refused
 * with the reason; a row without an article, a tag or a quote is reported
 * by the import, and the other rows still come in.
 */
import Papa from 'papaparse';
import { annotationIri, articleSourceIri } from '../w3c/w3cExport';

const GUARDED = /^'[=+\-@\t\r]/;

/** Whether a text's first line is the header of an annotation table. */
export function looksLikeAnnotationCsv(text: string): boolean {
  return delimiterOf(text.replace(/^\uFEFF/, '')) !== null;
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The separator whose header row names an annotation table's columns, if any. */
function delimiterOf(text: string): string | null {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  for (const delimiter of DELIMITERS) {
    if (!firstLine.includes(delimiter)) continue;
    const header = Papa.parse<string[]>(firstLine, { header: false, delimiter }).data[0];
    if (header && hasColumns(header)) return delimiter;
  }
  return null;
}

export type AnnotationCsvRead = { ok: true; items: Record<string, unknown>[] } | { ok: false; reason: string };

export function annotationCsvToW3C(text: string): AnnotationCsvRead {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = delimiterOf(body) ?? ',';
  const parsed = Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: 'greedy', delimiter });
  const header = parsed.meta.fields ?? [];
  if (!hasColumns(header)) {
    return { ok: false, reason: 'it is not an annotation table: a CSV needs a "tag" or "tag_id" column and an "exact_raw", "exact" or "start"/"end" column' };
  }
  return { ok: true, items: parsed.data.map((row) => itemOf(row, header)) };
}

function hasColumns(header: readonly string[]): boolean {
  const has = new Set(header.map((h) => h.trim()));
  const tag = has.has('tag') || has.has('tag_id');
  const quote = has.has('exact_raw') || has.has('exact') || (has.has('start') && has.has('end'));
  return tag && quote;
}

function itemOf(row: Record<string, string | undefined>, header: readonly string[]): Record<string, unknown> {
  const cell = (name: string): string => (row[name] ?? '').trim();
  const articleId = cell('article_id');
  const url = cell('url');
  const tagId = cell('tag_id');
  const tag = cell('tag');
  const exact = row.exact_raw !== undefined && row.exact_raw !== '' ? row.exact_raw : unguarded(row.exact ?? '');
  const start = offsetOf(cell('start'));
  const end = offsetOf(cell('end'));
  const note = row.note ?? '';
  const selector: Record<string, unknown>[] = [];
  if (exact !== '') selector.push({ type: 'TextQuoteSelector', exact });
  if (start !== null && end !== null) selector.push({ type: 'TextPositionSelector', start, end });
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  if (tagId) {
    for (const column of header) {
      if (!column.startsWith(`${tagId}.`)) continue;
      const value = cell(column);
      if (value !== '') attributes[column.slice(tagId.length + 1)] = value;
    }
  }
  const version = offsetOf(cell('text_version'));
  const source = articleId
    ? { id: articleSourceIri(articleId), ...(url ? { canonical: url } : {}), ...(version !== null && version >= 1 ? { 'triangulate:version': version } : {}) }
    : url || undefined;
  return {
    type: 'Annotation',
    ...(cell('annotation_id') ? { id: annotationIri(cell('annotation_id')) } : {}),
    motivation: 'tagging',
    ...(cell('creator') ? { creator: { type: 'Person', name: cell('creator') } } : {}),
    ...(cell('created') ? { created: cell('created') } : {}),
    ...(cell('modified') ? { modified: cell('modified') } : {}),
    body: [
      ...(tag ? [{ type: 'TextualBody', purpose: 'tagging', value: tag }] : []),
      ...(note.trim() ? [{ type: 'TextualBody', purpose: 'commenting', value: note }] : []),
    ],
    target: { ...(source ? { source } : {}), selector },
    ...(tagId ? { 'triangulate:tagId': tagId } : {}),
    'triangulate:attributes': attributes,
    // A row kept with an older version of the text (our export's in_current_text "no").
    ...(cell('in_current_text') === 'no' ? { 'triangulate:unanchored': true } : {}),
  };
}

/** `exact` as the spreadsheet guard wrote it, without the guard. */
function unguarded(value: string): string {
  return GUARDED.test(value) ? value.slice(1) : value;
}

function offsetOf(text: string): number | null {
  return /^\d{1,15}$/.test(text) ? Number(text) : null;
}
