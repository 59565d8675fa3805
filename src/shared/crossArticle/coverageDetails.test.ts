import { describe, expect, it } from 'vitest';
import { withCoverageDetails } from './coverageDetails';
import type { CoverageCell, CoverageMatrix } from './crossArticle';
import { detectArticleQuotes } from '../quotes/detectQuotes';

const TEXT_WIRE = 'Officials met on Monday.\n“We will rebuild every school in the region,” the mayor told Reuters.';
const TEXT_DAILY = 'A plan emerged.\n“We will rebuild the schools in the region,” Anna Kovalenko said in a statement.';
const TEXT_WEEKLY = 'The mayor was blunt. We will rebuild every school, according to the AP.';

function cell(text: string, exact: string, id: string): CoverageCell {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`no "${exact}"`);
  return { annotationId: id, tagId: 'quote', exact, start, end: start + exact.length, paragraph: 1, creditedTo: null };
}

function matrix(): CoverageMatrix {
  return {
    // Library order is not publication order: the Wire came first.
    articles: [
      { id: 'daily', title: 'Daily', date: '2024-03-02', outlet: 'Daily' },
      { id: 'weekly', title: 'Weekly', date: null, outlet: 'Weekly' },
      { id: 'wire', title: 'Wire', date: '2024-03-01', outlet: 'Wire' },
    ],
    rows: [
      {
        groupId: 'g',
        label: 'Rebuild',
        cells: {
          daily: [cell(TEXT_DAILY, '“We will rebuild the schools in the region,”', 'd')],
          weekly: [{ ...cell(TEXT_WEEKLY, 'We will rebuild every school', 'k'), speaker: 'The mayor' }],
          wire: [cell(TEXT_WIRE, '“We will rebuild every school in the region,”', 'w')],
        },
      },
    ],
  };
}

const texts = new Map([
  ['wire', TEXT_WIRE],
  ['daily', TEXT_DAILY],
  ['weekly', TEXT_WEEKLY],
]);
const quotesOf = (id: string) => {
  const text = texts.get(id);
  return text === undefined ? undefined : { text, quotes: detectArticleQuotes(text).quotes };
};

describe('withCoverageDetails', () => {
  it('diffs each wording against the earliest one in publication order', () => {
    const { cells } = withCoverageDetails(matrix(), quotesOf).rows[0]!;
    expect(cells.wire![0]!.drift).toEqual({ reference: true, added: 0, dropped: 0, changed: 0, fragment: false, translated: false });
    // "every school" → "the schools": two words changed.
    expect(cells.daily![0]!.drift).toMatchObject({ reference: false, changed: 2, added: 0, dropped: 0, fragment: false });
    // The Weekly only cuts the end off.
    expect(cells.weekly![0]!.drift).toMatchObject({ reference: false, added: 0, changed: 0, dropped: 3, fragment: true });
  });

  it('reads the credit around each cell: the channel of the cue or of an "according to", the annotation’s speaker first', () => {
    const { cells } = withCoverageDetails(matrix(), quotesOf).rows[0]!;
    expect(cells.wire![0]).toMatchObject({ cue: expect.stringContaining('told Reuters'), channel: 'Reuters' });
    expect(cells.daily![0]).toMatchObject({ speaker: 'Anna Kovalenko', channel: 'statement' });
    expect(cells.weekly![0]).toMatchObject({ speaker: 'The mayor', channel: 'the AP' });
  });

  it('leaves the credit empty for an article whose text it does not have, and keeps the matrix it was given', () => {
    const given = matrix();
    const { cells } = withCoverageDetails(given, () => undefined).rows[0]!;
    expect(cells.wire![0]).toMatchObject({ speaker: null, cue: null, channel: null, drift: { reference: true } });
    expect(given.rows[0]!.cells.wire![0]!.drift).toBeUndefined();
  });
});
