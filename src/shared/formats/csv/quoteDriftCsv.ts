/**
 * Quote drift (issue 18) as CSV, one row per wording in publication order:
 *   group, label, article_id, article_title, outlet, date, reference (yes/no),
 *   wording, credited_to, words_added, words_dropped, words_changed,
 *   fragment (yes/no), likely_translated (yes/no), marked — the wording
 *   against the reference with dropped words as [-…-] and added ones as {+…+}.
 * Articles that do not carry the quote follow with present = no.
 * Quoting, byte order mark and formula guard as the coverage CSV.
 */
import Papa from 'papaparse';
import type { QuoteDrift } from '../../crossArticle/quoteDrift';

export const QUOTE_DRIFT_CSV_HEADER = [
  'group',
  'label',
  'article_id',
  'article_title',
  'outlet',
  'date',
  'present',
  'reference',
  'wording',
  'credited_to',
  'words_added',
  'words_dropped',
  'words_changed',
  'fragment',
  'likely_translated',
  'marked',
] as const;

const BYTE_ORDER_MARK = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const yes = (on: boolean) => (on ? 'yes' : 'no');

export function quoteDriftCsv(drift: QuoteDrift): string {
  const rows: string[][] = drift.versions.map((v) => [
    drift.groupId,
    drift.label,
    v.articleId,
    v.title,
    v.outlet ?? '',
    v.date ?? '',
    'yes',
    yes(v.isReference),
    v.wording,
    v.creditedTo ?? '',
    String(v.added),
    String(v.dropped),
    String(v.changed),
    yes(v.fragment),
    yes(v.translated),
    v.parts.map((p) => (p.kind === 'same' ? p.text : p.kind === 'added' ? `{+${p.text}+}` : `[-${p.text}-]`)).join(''),
  ]);
  for (const a of drift.notCarried) rows.push([drift.groupId, drift.label, a.articleId, a.title, a.outlet ?? '', a.date ?? '', 'no', 'no', '', '', '', '', '', '', '', '']);
  const body = Papa.unparse({ fields: [...QUOTE_DRIFT_CSV_HEADER], data: rows }, { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START });
  return `${BYTE_ORDER_MARK}${body.replace(/\r\n$/, '')}`;
}
