// Quote detection on the seed corpus (corpus/*.txt): the five articles about
// the Russian diplomat Boris Bondarev's resignation, each with its own typography.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalArticleText } from '../../shared/model/canonicalText';
import { detectQuotes, type DetectedQuote } from '../../shared/quotes/detectQuotes';

const CORPUS = fileURLToPath(new URL('../../../corpus/', import.meta.url));
const articles = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ id: f.slice(0, 3), text: canonicalArticleText(readFileSync(CORPUS + f, 'utf8')).text }));
const quotesOf = (id: string): DetectedQuote[] => detectQuotes(articles.find((a) => a.id === id)!.text);
const find = (id: string, start: string): DetectedQuote | undefined => quotesOf(id).find((q) => q.exact.startsWith(start));

describe('quotes of the seed corpus', () => {
  it('finds the diplomat’s “ashamed of my country” line in every article, attributed to Bondarev', () => {
    const expected: Record<string, [string, string]> = {
      '000': ['never have I been so ashamed of my country.', 'declaring'],
      '001': ['For twenty years of my diplomatic career I have seen different turns of our foreign policy, but never have I been so ashamed', 'said'],
      '002': ['For twenty years of my diplomatic career I have seen different turns of our foreign policy, but never have I been so ashamed', 'wrote'],
      '003': ['In my 20-year long career as a diplomat, I have seen many changes in foreign policy, but I have never felt so ashamed', 'wrote'],
      '004': ['For twenty years of my diplomatic career I have seen different turns of our foreign policy, but never have I been so ashamed', 'said'],
    };
    expect(articles.map((a) => a.id)).toEqual(Object.keys(expected));
    for (const [id, [start, cue]] of Object.entries(expected)) {
      const quote = find(id, start);
      expect(quote, id).toBeDefined();
      expect(quote!.speaker).toBe('Boris Bondarev');
      expect(quote!.cue).toBe(cue);
    }
  });

  it('reads each article’s typography: stray marks, ‘’…’’ pairs, a mark before the period, straight quotes', () => {
    expect(find('000', 'never')!.exact).toBe('never have I been so ashamed of my country.');
    expect(find('000', 'the most serious')!.exact).toBe('the most serious crime against the people of Russia');
    expect(find('002', 'For twenty')!.exact.endsWith('as on February 24 of this year')).toBe(true);
    expect(find('002', 'so ashamed')!.exact).toBe('so ashamed');
    expect(find('003', 'Those who')!.exact.endsWith('complete impunity.')).toBe(true);
    expect(find('003', 'lies and')).toMatchObject({ exact: 'lies and unprofessionalism', speaker: 'Boris Bondarev', cue: 'wrote' });
  });

  it('follows quotes over paragraphs that each reopen the quote', () => {
    const twoParagraphs = find('001', 'For twenty years')!.exact;
    expect(twoParagraphs).toContain('February 24 of this year.\n“The aggressive war');
    expect(twoParagraphs.endsWith('the most serious crime against the people of Russia.')).toBe(true);
    expect(find('000', 'Those who conceived')!.exact.endsWith('Thousands of Russians and Ukrainians have already died just for this.')).toBe(true);
  });

  it('finds every quote and takes no apostrophe for one', () => {
    expect(articles.map((a) => detectQuotes(a.text).length)).toEqual([12, 9, 12, 5, 6]);
    for (const a of articles) {
      for (const q of detectQuotes(a.text)) {
        expect(a.text.slice(q.start, q.end)).toBe(q.exact);
        expect(q.exact).not.toMatch(/^s\b/);
      }
    }
  });

  it('names other speakers and channels', () => {
    expect(find('000', 'like any other Monday')).toMatchObject({ speaker: 'Boris Bondarev', cue: 'told Reuters' });
    expect(find('000', 'Those who conceived')).toMatchObject({ speaker: 'Boris Bondarev', cue: 'continued in the letter' });
    expect(find('001', 'Those who conceived')).toMatchObject({ speaker: 'Boris Bondarev', cue: 'went on' });
    // “They tweeted” right after a sentence about the MoD: the organisation.
    expect(find('001', 'The Russian public')).toMatchObject({ speaker: 'MoD', cue: 'tweeted' });
    expect(find('002', 'Boris Bondarev is a hero')).toMatchObject({ speaker: 'Hillel Neuer', cue: 'said' });
    expect(find('002', 'We are now calling')).toMatchObject({ speaker: 'Hillel Neuer', cue: 'said' });
    expect(find('002', 'This is an unbelievable letter')).toMatchObject({ speaker: 'Bill Browder', cue: 'tweeted' });
    expect(find('002', 'But I simply cannot')).toMatchObject({ speaker: 'Boris Bondarev', cue: 'says' });
    expect(find('004', 'Not all Russian diplomats')).toMatchObject({ speaker: 'Boris Bondarev', cue: 'responded' });
  });
});
