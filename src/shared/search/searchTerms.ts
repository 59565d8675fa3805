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

/**
 * Every word of a folded text with where it stands (issue 20: a first search
 * counts its hits from the index, reading no text): per word, one code per
 * occurrence, `ordinal * 2 + 1` when the word is followed by exactly one
 * space and then the next word (what a phrase's " " between two words
 * needs), `ordinal * 2` otherwise; ordinals count the words from 0.
 */
export function wordPositions(folded: string): Map<string, number[]> {
  const words = new Map<string, number[]>();
  forEachWordPosition(folded, (word, code) => {
    const codes = words.get(word);
    if (codes) codes.push(code);
    else words.set(word, [code]);
  });
  return words;
}

/**
 * The words of a folded text in order, each with its code (see
 * wordPositions), in one pass with no list of matches: each word is handed
 * over once the next word's start is known (issue 20: building the index
 * of 100,000 texts).
 */
export function forEachWordPosition(folded: string, visit: (word: string, code: number) => void): void {
  // A hand-written scan (the words WORD matches): no match object per word, ASCII decided without a regex.
  const length = folded.length;
  let last: string | null = null;
  let end = 0;
  let ordinal = 0;
  let i = 0;
  while (i < length) {
    let width = wordCharAt(folded, i);
    if (width === 0) {
      i += codeUnitsAt(folded, i);
      continue;
    }
    const start = i;
    while (width > 0) {
      i += width;
      width = i < length ? wordCharAt(folded, i) : 0;
    }
    if (last !== null) visit(last, (ordinal - 1) * 2 + (start === end + 1 && folded.charCodeAt(end) === 32 ? 1 : 0));
    last = folded.slice(start, i);
    end = i;
    ordinal++;
  }
  if (last !== null) visit(last, (ordinal - 1) * 2);
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
/** Per code point below 0x10000: 0 not known yet, 1 a word character, 2 not. */
const BMP_KNOWN = new Uint8Array(0x10000);

/** How many code units the code point at i takes. */
function codeUnitsAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

/** The code units of the word character (letter, digit, mark) at i; 0 when it is none. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0;
  const units = codeUnitsAt(text, i);
  if (units === 2) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  let known = BMP_KNOWN[c]!;
  if (known === 0) BMP_KNOWN[c] = known = WORD_CHAR.test(text[i]!) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

/**
 * The words of a folded query that the index can count exactly: words with
 * one space between them and nothing else, nothing before the first or
 * after the last ("minister", "the minister said"); null for anything else
 * ("u.s.", "said,"), which a search counts in the texts themselves.
 */
export function countableTerms(foldedQuery: string): QueryTerm[] | null {
  const terms = queryTerms(foldedQuery);
  if (terms.length === 0 || terms.map((t) => t.term).join(' ') !== foldedQuery) return null;
  return terms;
}

/** Times `term` occurs in `word` without overlap, left to right (as indexOf from the end of the last one finds them). */
export function occurrencesIn(word: string, term: string): number {
  let n = 0;
  for (let at = word.indexOf(term); at >= 0; at = word.indexOf(term, at + term.length)) n++;
  return n;
}

/** One occurrence of a word matching a phrase's term in one article: its code (see wordPositions) and the word's length. */
export interface TermOccurrence {
  code: number;
  length: number;
}

/**
 * The hits of a phrase of two or more words (countableTerms) in one article,
 * from where the words matching each term stand, counted as a left-to-right
 * scan of the text finds them (a hit starts after the end of the last one).
 * `at[i]`: the occurrences of words matching term i.
 */
export function phraseHits(terms: readonly QueryTerm[], at: readonly (readonly TermOccurrence[])[]): number {
  const k = terms.length - 1;
  const byOrdinal = at.map((list) => new Map(list.map((o) => [o.code >> 1, o])));
  const starts = [...at[0]!].filter((o) => (o.code & 1) === 1).sort((a, b) => a.code - b.code);
  let hits = 0;
  let lastEnd = -1; // ordinal of the last word of the last hit
  for (const start of starts) {
    const p = start.code >> 1;
    let whole = true;
    for (let i = 1; i <= k && whole; i++) {
      const o = byOrdinal[i]!.get(p + i);
      whole = o !== undefined && (i === k || (o.code & 1) === 1);
    }
    if (!whole) continue;
    if (p < lastEnd) continue;
    // The last hit ended inside this word (its start), this one starts inside it (its end): both fit only if the word is long enough.
    if (p === lastEnd && start.length < terms[0]!.term.length + terms[k]!.term.length) continue;
    hits++;
    lastEnd = p + k;
  }
  return hits;
}

/**
 * Whether the words of a phrase that are not `broad` stand in one article
 * as the phrase needs (each where the one before it ends, with one space
 * between); a broad term (an end of the phrase that is part of too many
 * words to look up) may be any word. True says the article may hold the
 * phrase (its text decides), false that it cannot.
 */
export function phraseMayStand(terms: readonly QueryTerm[], at: readonly (readonly TermOccurrence[])[], broad: readonly boolean[]): boolean {
  const k = terms.length - 1;
  const anchor = broad.findIndex((b) => !b);
  if (anchor < 0) return true;
  const byOrdinal = at.map((list) => new Map(list.map((o) => [o.code >> 1, o])));
  for (const o of at[anchor]!) {
    const p = (o.code >> 1) - anchor;
    if (p < 0) continue;
    let fits = true;
    for (let i = 0; i <= k && fits; i++) {
      if (broad[i]) continue;
      const here = byOrdinal[i]!.get(p + i);
      fits = here !== undefined && (i === k || (here.code & 1) === 1);
    }
    if (fits) return true;
  }
  return false;
}
