/**
 * Why a file picked for "Import annotations…" is not one it reads, when it is
 * plainly not one — readable text that neither starts like JSON nor has an
 * annotation table's header (an article, notes, another program's table) —
 * instead of the JSON parser's complaint about its first character. Null when
 * the file starts like JSON or a table (their own reasons say more) or is not
 * readable text at all (empty, binary, too large: decodeImportBytes says so).
 */
import { decodeImportBytes } from '../../shared/formats/articles/decodeImportBytes';
import { looksLikeAnnotationCsv } from '../../shared/formats/csv/annotationCsvToW3C';

export function notAnnotationsReason(bytes: Uint8Array): string | null {
  const decoded = decodeImportBytes(bytes);
  if (!decoded.ok) return null;
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (/^\s*[[{]/.test(text) || looksLikeAnnotationCsv(text)) return null;
  return (
    'it holds no annotations Triangulate reads: Import annotations… takes a Triangulate project file or W3C annotations (JSON), ' +
    'an annotation table (CSV with a "tag" column and the quote) or a REFI-QDA project (.qdpx); articles come in with Import articles… in the library'
  );
}
