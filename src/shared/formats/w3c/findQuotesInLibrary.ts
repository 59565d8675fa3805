/**
 * findQuoteInLibrary for many quotes at once, with the same answers: each
 * text of the library is read once for all the quotes, not once per quote.
 * Looking for 30,000 quotes one by one in a library holding a 12 MB text is
 * 30,000 scans of 12 MB (minutes); here the text is scanned once with a
 * rolling hash of the quotes' first ANCHOR_CHARS characters, and a quote is
 * compared in full only where its first characters are. Quotes shorter than
 * that are looked for one by one (findQuoteInLibrary).
 */
import { contextScore, findQuoteInLibrary, MAX_OCCURRENCES, type LibraryQuoteMatch, type QuoteSearch } from './findQuoteInLibrary';

/** Characters of a quote's start that the scan hashes. */
export const ANCHOR_CHARS = 16;

/** Bits of the filter that tells, for most positions, that no quote starts there: about 64 slots a quote start, at most 4 Mi (4 MB). */
const MAX_FILTER_BITS = 22;
const BASE = 0x01000193;

export function findQuotesInLibrary(texts: ReadonlyMap<string, string>, quotes: readonly QuoteSearch[]): LibraryQuoteMatch[] {
  const answers: LibraryQuoteMatch[] = new Array<LibraryQuoteMatch>(quotes.length);
  /** Quotes by their first ANCHOR_CHARS characters. */
  const byStart = new Map<string, number[]>();
  quotes.forEach((quote, i) => {
    if (quote.exact.length < ANCHOR_CHARS) {
      answers[i] = findQuoteInLibrary(texts, quote);
      return;
    }
    const start = quote.exact.slice(0, ANCHOR_CHARS);
    const same = byStart.get(start);
    if (same) same.push(i);
    else byStart.set(start, [i]);
  });
  if (byStart.size === 0) return answers;

  const bits = Math.min(MAX_FILTER_BITS, Math.max(10, Math.ceil(Math.log2(byStart.size * 64))));
  const filter = new Uint8Array(1 << bits);
  for (const start of byStart.keys()) filter[slot(hashOf(start, 0), bits)] = 1;
  // BASE^(ANCHOR_CHARS-1): what the character leaving the window weighed.
  let outWeight = 1;
  for (let k = 1; k < ANCHOR_CHARS; k++) outWeight = Math.imul(outWeight, BASE);

  const best = new Int32Array(quotes.length).fill(-1);
  const winners: (string[] | undefined)[] = new Array<string[] | undefined>(quotes.length);
  const score = new Int32Array(quotes.length);
  const seen = new Int32Array(quotes.length);
  for (const [articleId, text] of texts) {
    if (text.length < ANCHOR_CHARS) continue;
    score.fill(-1);
    seen.fill(0);
    /** Quotes that occur in this text. */
    const found: number[] = [];
    let hash = hashOf(text, 0);
    for (let at = 0; ; at++) {
      if (filter[slot(hash, bits)] === 1) {
        const candidates = byStart.get(text.slice(at, at + ANCHOR_CHARS));
        if (candidates) {
          for (const i of candidates) {
            const quote = quotes[i]!;
            if (seen[i]! >= MAX_OCCURRENCES || !text.startsWith(quote.exact, at)) continue;
            if (seen[i] === 0) found.push(i);
            seen[i]!++;
            const s = contextScore(text, at, at + quote.exact.length, quote);
            if (s > score[i]!) score[i] = s;
          }
        }
      }
      const next = at + ANCHOR_CHARS;
      if (next >= text.length) break;
      hash = (Math.imul(hash - Math.imul(text.charCodeAt(at), outWeight), BASE) + text.charCodeAt(next)) >>> 0;
    }
    // In the order of the texts, as findQuoteInLibrary weighs them.
    for (const i of found) {
      if (score[i]! > best[i]!) {
        best[i] = score[i]!;
        winners[i] = [articleId];
      } else if (score[i] === best[i]) winners[i]!.push(articleId);
    }
  }
  for (const indexes of byStart.values()) {
    for (const i of indexes) {
      const w = winners[i];
      answers[i] = !w ? { missing: true } : w.length === 1 ? { found: w[0]! } : { ambiguous: w };
    }
  }
  return answers;
}

/** The filter's slot of a hash (its bits mixed: the last character moves only the low bits of the hash). */
function slot(hash: number, bits: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> (32 - bits);
}

/** The polynomial hash of ANCHOR_CHARS characters from `from` (unsigned 32 bits). */
function hashOf(text: string, from: number): number {
  let hash = 0;
  for (let k = 0; k < ANCHOR_CHARS; k++) hash = (Math.imul(hash, BASE) + text.charCodeAt(from + k)) >>> 0;
  return hash;
}
