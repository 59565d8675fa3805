/**
 * The attribution ledger (issue 18) as CSV, one row per group × article
 * carrying it: group, label, article_id, article_title, outlet, date,
 * wording, speaker, cue, channel, linked_source, no_credit (yes/no),
 * secondary_outlet (yes/no). Quoting, byte order mark and formula guard as
 * the coverage CSV.
 */
import Papa from 'papaparse';
import type { LedgerRow } from '../../crossArticle/attributionLedger';

export const ATTRIBUTION_LEDGER_CSV_HEADER = [
  'group',
  'label',
  'article_id',
  'article_title',
  'outlet',
  'date',
  'wording',
  'speaker',
  'cue',
  'channel',
  'linked_source',
  'no_credit',
  'secondary_outlet',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
const yes = (on: boolean) => (on ? 'yes' : 'no');

export function attributionLedgerCsv(rows: readonly LedgerRow[]): string {
  const data = rows.map((r) => [
    r.groupId,
    r.label,
    r.articleId,
    r.title,
    r.outlet ?? '',
    r.date ?? '',
    r.wording,
    r.speaker ?? '',
    r.cue ?? '',
    r.channel ?? '',
    r.linkedSource ?? '',
    yes(r.noCredit),
    yes(r.secondaryOutlet),
  ]);
  const body = Papa.unparse({ fields: [...ATTRIBUTION_LEDGER_CSV_HEADER], data }, { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START });
  return `\uFEFF${body.replace(/\r\n$/, '')}`;
}
