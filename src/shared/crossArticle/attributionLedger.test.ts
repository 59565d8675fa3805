import { describe, expect, it } from 'vitest';
import type { CoverageMatrix } from './crossArticle';
import { attributionLedger } from './attributionLedger';

// Short texts written for this test, in the manner of the seed corpus.
const texts = new Map([
  ['a', 'Boris Bondarev told Reuters: “I have never been so ashamed of my country.” He left on Monday.'],
  ['b', 'In a LinkedIn post, Bondarev wrote: “I have never been so ashamed of my country.”'],
  ['c', 'The diplomat was “never so ashamed of his country”, according to the AP.'],
  ['d', 'It was a quiet day in the city. “I have never been so ashamed of my country.” The trams ran late.'],
]);

function cell(articleId: string, creditedTo: string | null = null) {
  const text = texts.get(articleId)!;
  const start = text.search(/never|I have/);
  const end = text.indexOf('country') + 'country'.length;
  return [{ annotationId: `q-${articleId}`, tagId: 'quote', exact: text.slice(start, end), start, end, paragraph: 1, creditedTo }];
}

const matrix: CoverageMatrix = {
  articles: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: `Story ${id}`, date: null, outlet: id === 'b' ? 'Kyiv Post' : `Outlet ${id}` })),
  rows: [{ groupId: 'g', label: 'Ashamed', cells: { a: cell('a'), b: cell('b'), c: cell('c'), d: cell('d') } }],
};

describe('attributionLedger', () => {
  const rows = attributionLedger(matrix, texts);
  const by = (id: string) => rows.find((r) => r.articleId === id)!;

  it('reads speaker and channel around each outlet’s wording', () => {
    expect(by('a')).toMatchObject({ speaker: 'Boris Bondarev', channel: 'Reuters', noCredit: false });
    expect(by('b').speaker).toBe('Bondarev');
    expect(by('c').channel).toBe('the AP');
  });

  it('flags a news agency credited instead of the speaker’s own channel, and no credit at all', () => {
    expect(by('a').secondaryOutlet).toBe(true);
    expect(by('c').secondaryOutlet).toBe(true);
    expect(by('b').secondaryOutlet).toBe(false);
    expect(by('d')).toMatchObject({ speaker: null, channel: null, noCredit: true });
  });

  it('counts a Source linked by hand as credit', () => {
    const linked = attributionLedger({ ...matrix, rows: [{ groupId: 'g', label: 'x', cells: { d: cell('d', 'a spokesman') } }] }, texts);
    expect(linked[0]).toMatchObject({ linkedSource: 'a spokesman', noCredit: false });
  });
});
