/**
 * An agreement report as CSV for the methods section, one row per set of
 * figures: overall, per tag, per attribute, per article, per article and tag:
 *   scope, tag, attribute, article_id, alpha_u, alpha, cohen_kappa,
 *   fleiss_kappa, percent_agreement, units, level, reading_alpha_u,
 *   reading_alpha, unit_kind, coders (joined " | ")
 * Figures unrounded, empty where undefined. RFC 4180 quoting (papaparse),
 * CRLF, a UTF-8 byte order mark, and cells a spreadsheet would run as a
 * formula prefixed with "'", as the other CSV exports.
 */
import Papa from 'papaparse';
import type { AgreementFigures, AgreementReport } from './annotationAgreement';

export const AGREEMENT_CSV_HEADER = [
  'scope',
  'tag',
  'attribute',
  'article_id',
  'alpha_u',
  'alpha',
  'cohen_kappa',
  'fleiss_kappa',
  'percent_agreement',
  'units',
  'level',
  'reading_alpha_u',
  'reading_alpha',
  'unit_kind',
  'coders',
] as const;

const BYTE_ORDER_MARK = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

type Cell = string | number;
const figure = (v: number | null): Cell => (v === null ? '' : v);

export function agreementCsv(report: AgreementReport): string {
  const rows: Cell[][] = [];
  const study = [report.unitKind, report.coders.join(' | ')];
  const row = (scope: string, tag: string, articleId: string, f: AgreementFigures) =>
    rows.push([scope, tag, '', articleId, figure(f.alphaU), figure(f.alpha), figure(f.kappa), figure(f.fleissKappa), figure(f.percentAgreement), f.units, 'nominal', f.reading.alphaU, f.reading.alpha, ...study]);
  row('overall', '', '', report.overall);
  for (const [name, tag] of Object.entries(report.tags)) {
    row('tag', name, '', tag);
    for (const [attribute, a] of Object.entries(tag.attributes)) {
      rows.push(['attribute', name, attribute, '', '', figure(a.alpha), '', '', figure(a.percentAgreement), a.units, a.level, '', a.reading, ...study]);
    }
  }
  for (const article of report.perArticle) {
    row('article', '', article.articleId, article.overall);
    for (const [name, f] of Object.entries(article.tags)) row('article tag', name, article.articleId, f);
  }
  const body = Papa.unparse({ fields: [...AGREEMENT_CSV_HEADER], data: rows }, { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START });
  return `${BYTE_ORDER_MARK}${body.replace(/\r\n$/, '')}`;
}
