import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTION_LEDGER_CSV_HEADER, attributionLedgerCsv } from './attributionLedgerCsv';

describe('attributionLedgerCsv', () => {
  it('writes one row per outlet’s wording with its credit and flags, formulas defused', () => {
    const csv = attributionLedgerCsv([
      {
        groupId: 'g', label: 'Ashamed', articleId: 'a', annotationId: 'q', title: '=HYPERLINK("x")', outlet: 'Wire', date: '2022-05-23',
        wording: 'never so ashamed', speaker: 'Boris Bondarev', cue: 'told Reuters', channel: 'Reuters', linkedSource: null, noCredit: false, secondaryOutlet: true,
      },
    ]);
    const [header, row] = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(header).toEqual([...ATTRIBUTION_LEDGER_CSV_HEADER]);
    const record = Object.fromEntries(header!.map((h, i) => [h, row![i]]));
    expect(record).toMatchObject({ article_title: '\'=HYPERLINK("x")', speaker: 'Boris Bondarev', channel: 'Reuters', no_credit: 'no', secondary_outlet: 'yes' });
  });
});
