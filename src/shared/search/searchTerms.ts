/**
 * The words a persisted search index keeps per article, and what a query's
 * words say about the words of an article that matches it (issue 20).
 * Both sides go through foldForSearch first. A word is a longest run of
 * letters, digits and marks. A corpus search matches the folded query
 * anywhere in the folded text (also inside words), so a query word that
 * touches the query's start can be the end of a longer word of the text,
 * one that touches its end the start of one, and a word that touches both
 * (a one-word query) any part of one; a word with other characters either
 * side in the query is a whole word of every text that matches.
 */

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Every distinct word of a folded text. */
export function searchTerms(folded: string): Set<string> {
  const terms = new Set<string>();
  for (const match of folded.matchAll(WORD)) terms.add(match[0]);
  return terms;
}

export type TermMatch = 'exact' | 'prefix' | 'suffix' | 'infix';

export interface QueryTerm {
  term: string;
  /** How an article's word must relate to `term`: equal, start with it, end with it, or hold it. */
  match: TermMatch;
}

/** The query's words, each with how a matching text's word relates to it (see the top of the file). */
export function queryTerms(foldedQuery: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const match of foldedQuery.matchAll(WORD)) {
    const openLeft = match.index === 0;
    const openRight = match.index + match[0].length === foldedQuery.length;
    const kind: TermMatch = openLeft && openRight ? 'infix' : openLeft ? 'suffix' : openRight ? 'prefix' : 'exact';
    terms.push({ term: match[0], match: kind });
  }
  return terms;
}

/** Whether an article's word `word` can be where the query's `term` matched. */
export function termMatches(word: string, { term, match }: QueryTerm): boolean {
  switch (match) {
    case 'exact':
      return word === term;
    case 'prefix':
      return word.startsWith(term);
    case 'suffix':
      return word.endsWith(term);
    default:
      return word.includes(term);
  }
}
