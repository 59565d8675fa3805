import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { quoteDrift } from '../../crossArticle/quoteDrift';
import { QUOTE_DRIFT_CSV_HEADER, quoteDriftCsv } from './quoteDriftCsv';

const matrix = {
  articles: [
    { id: 'a', title: 'First', date: '2022-05-23', outlet: 'Wire' },
    { id: 'b', title: '=Second', date: '2022-05-24', outlet: 'Daily' },
    { id: 'c', title: 'Third', date: null, outlet: null },
  ],
  rows: [
    {
      groupId: 'g',
      label: 'Ashamed',
      cells: {
        a: [{ annotationId: 'x', tagId: 'quote', exact: 'never have I been so ashamed', start: 0, end: 28, paragraph: 1, creditedTo: 'Bondarev' }],
        b: [{ annotationId: 'y', tagId: 'quote', exact: 'never have I felt so ashamed', start: 0, end: 28, paragraph: 2, creditedTo: null }],
      },
    },
  ],
};

describe('quoteDriftCsv', () => {
  it('writes one row per wording, marks the changes, and lists the outlets without the quote', () => {
    const csv = quoteDriftCsv(quoteDrift(matrix, 'g')!);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual([...QUOTE_DRIFT_CSV_HEADER]);
    expect(parsed).toHaveLength(4);
    const second = Object.fromEntries(QUOTE_DRIFT_CSV_HEADER.map((h, i) => [h, parsed[2]![i]]));
    expect(second).toMatchObject({ article_title: "'=Second", reference: 'no', words_changed: '1', marked: 'never have I [-been-]{+felt+} so ashamed' });
    expect(parsed[1]![QUOTE_DRIFT_CSV_HEADER.indexOf('credited_to')]).toBe('Bondarev');
    expect(parsed[3]!.slice(2, 8)).toEqual(['c', 'Third', '', '', 'no', 'no']);
  });
});
