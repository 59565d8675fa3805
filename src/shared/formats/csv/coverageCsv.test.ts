import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { COVERAGE_CSV_HEADER, coverageCsv } from './coverageCsv';
import type { CoverageCell, CoverageMatrix } from '../../crossArticle/crossArticle';

const cell = (exact: string, paragraph: number, creditedTo: string | null): CoverageCell => ({
  annotationId: `id-${paragraph}`,
  tagId: 'quote',
  exact,
  start: 0,
  end: exact.length,
  paragraph,
  creditedTo,
});

const MATRIX: CoverageMatrix = {
  articles: [
    { id: 'a1', title: 'Envoy quits, says "ashamed"', date: '2022-05-23', outlet: 'Times' },
    { id: 'a2', title: 'Résumé: the diplomat’s letter', date: null, outlet: null },
  ],
  rows: [
    {
      groupId: 'g1',
      label: 'Ashamed, of "my" country',
      cells: {
        a1: [cell('never have I been so ashamed,\nof my country', 2, 'Boris Bondarev; he'), cell('ashamed', 5, 'Boris Bondarev; he')],
      },
    },
    { groupId: 'g2', label: '=HYPERLINK("http://x")', cells: { a2: [cell('-1 day', 1, null)] } },
  ],
};

function parse(csv: string): string[][] {
  const result = Papa.parse<string[]>(csv, { newline: '\r\n' });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('coverageCsv', () => {
  it('writes one row per group and article that parses back to the same values', () => {
    const rows = parse(coverageCsv(MATRIX));
    expect(rows[0]).toEqual([...COVERAGE_CSV_HEADER]);
    expect(rows.slice(1)).toEqual([
      ['g1', 'Ashamed, of "my" country', 'a1', 'Envoy quits, says "ashamed"', 'yes', 'never have I been so ashamed,\nof my country | ashamed', 'Boris Bondarev; he', '2 | 5'],
      ['g1', 'Ashamed, of "my" country', 'a2', 'Résumé: the diplomat’s letter', 'no', '', '', ''],
      ['g2', "'=HYPERLINK(\"http://x\")", 'a1', 'Envoy quits, says "ashamed"', 'no', '', '', ''],
      ['g2', "'=HYPERLINK(\"http://x\")", 'a2', 'Résumé: the diplomat’s letter', 'yes', "'-1 day", '', '1'],
    ]);
  });

  it('uses CRLF between records, RFC 4180 quotes, and a UTF-8 byte order mark', () => {
    const csv = coverageCsv(MATRIX);
    expect(csv.startsWith('\uFEFFgroup,label,')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(5);
    expect(csv).toContain('"Ashamed, of ""my"" country"');
  });

  it('writes only the header when there are no groups', () => {
    expect(parse(coverageCsv({ articles: MATRIX.articles, rows: [] }))).toEqual([[...COVERAGE_CSV_HEADER]]);
  });
});
