/**
 * Finds the one article of a library that holds an annotation's quoted text,
 * for an annotation that does not name its article (or names one the library
 * does not know): every article holding the `exact` text is a candidate, each
 * scored by how many characters of the selector's prefix and suffix agree
 * with the text around its best occurrence. The best-scoring article wins if
 * it is the only one with that score; otherwise the match is ambiguous and
 * the tied articles are named. Exact text only: an approximate quote needs an
 * article to be named first.
 */
export type LibraryQuoteMatch = { found: string } | { ambiguous: string[] } | { missing: true };

export interface QuoteSearch {
  exact: string;
  prefix?: string | null;
  suffix?: string | null;
}

/** Occurrences looked at per article before moving on (a one-letter quote in a long text). */
export const MAX_OCCURRENCES = 1000;

export function findQuoteInLibrary(texts: ReadonlyMap<string, string>, quote: QuoteSearch): LibraryQuoteMatch {
  if (quote.exact.length === 0) return { missing: true };
  let best = -1;
  let winners: string[] = [];
  for (const [articleId, text] of texts) {
    let score = -1;
    let seen = 0;
    for (let at = text.indexOf(quote.exact); at !== -1 && seen < MAX_OCCURRENCES; at = text.indexOf(quote.exact, at + 1), seen++) {
      score = Math.max(score, contextScore(text, at, at + quote.exact.length, quote));
    }
    if (score < 0) continue;
    if (score > best) {
      best = score;
      winners = [articleId];
    } else if (score === best) winners.push(articleId);
  }
  if (winners.length === 0) return { missing: true };
  return winners.length === 1 ? { found: winners[0]! } : { ambiguous: winners };
}

/** How many characters of the quote's prefix and suffix agree with the text either side of start–end. */
export function contextScore(text: string, start: number, end: number, quote: QuoteSearch): number {
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  let score = 0;
  while (score < prefix.length && start - score - 1 >= 0 && text[start - score - 1] === prefix[prefix.length - score - 1]) score++;
  let after = 0;
  while (after < suffix.length && end + after < text.length && text[end + after] === suffix[after]) after++;
  return score + after;
}
