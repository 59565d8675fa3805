import { describe, expect, it } from 'vitest';
import { foldForSearch, foldQuery } from './corpusSearch';
import { queryTerms, searchTerms, termMatches } from './searchTerms';

describe('searchTerms', () => {
  it('keeps each word of a folded text once, letters and digits of any script', () => {
    expect([...searchTerms(foldForSearch('The minister said: “the 2024 budget” — Müller, Дума.'))]).toEqual(['the', 'minister', 'said', '2024', 'budget', 'müller', 'дума']);
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
