import { describe, expect, it } from 'vitest';
import { foldForSearch, foldQuery } from './corpusSearch';
import { forEachWordPosition, queryTerms, searchTerms, termMatches } from './searchTerms';

describe('searchTerms', () => {
  it('keeps each word of a folded text once, letters and digits of any script', () => {
    expect([...searchTerms(foldForSearch('The minister said: “the 2024 budget” — Müller, Дума.'))]).toEqual(['the', 'minister', 'said', '2024', 'budget', 'müller', 'дума']);
  });
});

describe('forEachWordPosition', () => {
  it('finds the same words as the word pattern, in any script, with marks, digits, astral letters and stray surrogates', () => {
    const pieces = ['the', 'Müller', 'дума', 'e\u0301t\u00e9', '2024', '\u0915\u093f\u0924\u093e\u092c', '\u{1D400}bc', '\u{1F600}', '\ud800', '\udc00x', '北京', ' ', '  ', ', ', '-', '\u00a0', '.'];
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      let text = '';
      for (let k = 0; k < 12; k++) text += pieces[Math.floor(random() * pieces.length)]!;
      const seen: [string, number][] = [];
      forEachWordPosition(text, (word, code) => seen.push([word, code]));
      const matches = [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)];
      const expected = matches.map((m, i): [string, number] => {
        const end = m.index + m[0].length;
        const next = matches[i + 1];
        return [m[0], i * 2 + (next !== undefined && next.index === end + 1 && text[end] === ' ' ? 1 : 0)];
      });
      expect(seen, JSON.stringify(text)).toEqual(expected);
    }
  });
});

describe('queryTerms', () => {
  it('a word at the start of the query may end a longer word, one at its end may start one, one inside is whole', () => {
    expect(queryTerms(foldQuery('said the Minister'))).toEqual([
      { term: 'said', match: 'suffix' },
      { term: 'the', match: 'exact' },
      { term: 'minister', match: 'prefix' },
    ]);
    expect(queryTerms(foldQuery('elect'))).toEqual([{ term: 'elect', match: 'infix' }]);
    expect(queryTerms(foldQuery('"no" today'))).toEqual([
      { term: 'no', match: 'exact' },
      { term: 'today', match: 'prefix' },
    ]);
    expect(queryTerms(foldQuery('--'))).toEqual([]);
  });

  it('matches the words of a text that a substring search would find the query in', () => {
    const [term] = queryTerms('elect');
    expect(['election', 'reelected', 'elect', 'select'].filter((w) => termMatches(w, term!))).toEqual(['election', 'reelected', 'elect', 'select']);
    const [first, , last] = queryTerms('said the minister');
    expect(termMatches('unsaid', first!)).toBe(true);
    expect(termMatches('saids', first!)).toBe(false);
    expect(termMatches('ministers', last!)).toBe(true);
    expect(termMatches('prime', last!)).toBe(false);
  });
});
