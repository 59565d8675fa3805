/**
 * The first look at a file of annotations to import: readable text (not
 * empty, binary, over the size limit or invalid UTF-8: decodeImportBytes),
 * then JSON nested no deeper than MAX_JSON_NESTING (looked at before
 * parsing), then which kind: a Triangulate project file (by its marker) or,
 * for anything else, a W3C annotation collection for importW3C to read. A
 * table (CSV) whose header names a tag and a quote column is read as W3C
 * items, one per row (annotationCsvToW3C), for importW3C too.
 * The reason follows the file's name: "<file>: <reason>".
 */
import { decodeImportBytes } from './articles/decodeImportBytes';
import { isProjectFile } from './project/projectFile';
import { jsonSyntaxProblem } from './jsonSyntaxProblem';
import { annotationCsvToW3C, looksLikeAnnotationCsv } from './csv/annotationCsvToW3C';
import { jsonNestingProblem } from './jsonNestingProblem';

export type AnnotationFileRead = { ok: true; kind: 'project' | 'w3c'; value: unknown } | { ok: false; reason: string };

export function readAnnotationFile(bytes: Uint8Array): AnnotationFileRead {
  const decoded = decodeImportBytes(bytes);
  if (!decoded.ok) return decoded;
  let value: unknown;
  const source = decoded.text.replace(/^\uFEFF/, '');
  if (!/^\s*[[{]/.test(source) && looksLikeAnnotationCsv(source)) {
    const table = annotationCsvToW3C(source);
    return table.ok ? { ok: true, kind: 'w3c', value: table.items } : table;
  }
  const tooDeep = jsonNestingProblem(source);
  if (tooDeep) return { ok: false, reason: tooDeep };
  try {
    value = JSON.parse(source);
  } catch (error) {
    const why = jsonSyntaxProblem(source, error);
    return { ok: false, reason: `it is not valid JSON (${why}); a file cut short reads like this too` };
  }
  return { ok: true, kind: isProjectFile(value) ? 'project' : 'w3c', value };
}
