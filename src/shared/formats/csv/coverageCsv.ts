/**
 * The coverage matrix as CSV, one row per group × article:
 *   group, label, article_id, article_title, present (yes/no),
 *   wording (the members' texts joined " | "), credited_to (the distinct
 *   credits joined " | "), paragraph (the members' paragraph numbers, " | ",
 *   in the same order as the wording).
 * RFC 4180 quoting (papaparse), CRLF line ends. The text starts with a UTF-8
 * byte order mark so spreadsheet programs read accents and curly quotes
 * right, and cells that a spreadsheet would run as a formula (starting with
 * =, +, -, @, tab or CR) are prefixed with "'" so opening the file never
 * executes article text.
 */
import Papa from 'papaparse';
import type { CoverageMatrix } from '../../crossArticle/crossArticle';

export const COVERAGE_CSV_HEADER = [
  'group',
  'label',
  'article_id',
  'article_title',
  'present',
  'wording',
  'credited_to',
  'paragraph',
] as const;

const BYTE_ORDER_MARK = '\uFEFF';
/** A cell a spreadsheet would take for a formula (papaparse's own test stops at the first line break). */
const FORMULA_START = /^[=+\-@\t\r]/;
const JOIN = ' | ';

export function coverageCsv(matrix: CoverageMatrix): string {
  const rows: string[][] = [];
  for (const row of matrix.rows) {
    for (const article of matrix.articles) {
      const cells = row.cells[article.id] ?? [];
      const credits = [...new Set(cells.map((c) => c.creditedTo).filter((c): c is string => c !== null))];
      rows.push([
        row.groupId,
        row.label,
        article.id,
        article.title,
        cells.length > 0 ? 'yes' : 'no',
        cells.map((c) => c.exact).join(JOIN),
        credits.join(JOIN),
        cells.map((c) => String(c.paragraph)).join(JOIN),
      ]);
    }
  }
  const body = Papa.unparse(
    { fields: [...COVERAGE_CSV_HEADER], data: rows },
    { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START },
  );
  // With no data rows papaparse still ends the header with a line break: records end without one.
  return `${BYTE_ORDER_MARK}${body.replace(/\r\n$/, '')}`;
}
