/**
 * findQuoteInLibrary for many quotes at once, with the same answers: each
 * text of the library is read a bounded number of times for all the quotes,
 * not once per quote. Looking for 30,000 quotes one by one in a library
 * holding a 12 MB text is 30,000 scans of 12 MB (minutes); here the text is
 * scanned with a rolling hash of the quotes' first ANCHOR_CHARS characters,
 * and a quote is compared in full only where its first characters are.
 * Quotes shorter than that are their own anchor: the quotes of each length
 * share one scan, so a text is read at most ANCHOR_CHARS times whatever the
 * number of quotes (30,000 two-word quotes: at most 16 scans, not 30,000).
 * Quotes with the same text are looked for once; each is then scored by its
 * own prefix and suffix at the occurrences found.
 */
import { contextScore, MAX_OCCURRENCES, type LibraryQuoteMatch, type QuoteSearch } from './findQuoteInLibrary';

/** Characters of a quote's start that the scan hashes (a shorter quote: all of it). */
export const ANCHOR_CHARS = 16;

/** Bits of the filter that tells, for most positions, that no quote starts there: about 64 slots a quote start, at most 4 Mi (4 MB). */
const MAX_FILTER_BITS = 22;
const BASE = 0x01000193;

/** The distinct quote texts whose first `length` characters are hashed in one scan. */
interface AnchorGroup {
  length: number;
  /** The distinct quote texts by their anchor (first `length` characters), as indexes into `exacts`. */
  byAnchor: Map<string, number[]>;
  bits: number;
  filter: Uint8Array;
  /** BASE^(length-1): what the character leaving the window weighed. */
  outWeight: number;
}

export function findQuotesInLibrary(texts: ReadonlyMap<string, string>, quotes: readonly QuoteSearch[]): LibraryQuoteMatch[] {
  const answers: LibraryQuoteMatch[] = new Array<LibraryQuoteMatch>(quotes.length);
  /** Each distinct quote text once, and the quotes that have it. */
  const exacts: string[] = [];
  const quotesOf: number[][] = [];
  const exactIndex = new Map<string, number>();
  quotes.forEach((quote, i) => {
    if (quote.exact.length === 0) {
      answers[i] = { missing: true };
      return;
    }
    let e = exactIndex.get(quote.exact);
    if (e === undefined) {
      e = exacts.length;
      exactIndex.set(quote.exact, e);
      exacts.push(quote.exact);
      quotesOf.push([]);
    }
    quotesOf[e]!.push(i);
  });
  if (exacts.length === 0) return answers;

  const groups = new Map<number, AnchorGroup>();
  exacts.forEach((exact, e) => {
    const length = Math.min(ANCHOR_CHARS, exact.length);
    let group = groups.get(length);
    if (!group) {
      group = { length, byAnchor: new Map(), bits: 0, filter: new Uint8Array(0), outWeight: 1 };
      groups.set(length, group);
    }
    const anchor = exact.slice(0, length);
    const same = group.byAnchor.get(anchor);
    if (same) same.push(e);
    else group.byAnchor.set(anchor, [e]);
  });
  for (const group of groups.values()) {
    group.bits = Math.min(MAX_FILTER_BITS, Math.max(10, Math.ceil(Math.log2(group.byAnchor.size * 64))));
    group.filter = new Uint8Array(1 << group.bits);
    for (const anchor of group.byAnchor.keys()) group.filter[slot(hashOf(anchor, 0, group.length), group.bits)] = 1;
    for (let k = 1; k < group.length; k++) group.outWeight = Math.imul(group.outWeight, BASE);
  }

  const best = new Int32Array(quotes.length).fill(-1);
  const winners: (string[] | undefined)[] = new Array<string[] | undefined>(quotes.length);
  /** Where each distinct quote text occurs in the text being read (at most MAX_OCCURRENCES places). */
  const occurrences: (number[] | undefined)[] = new Array<number[] | undefined>(exacts.length);
  for (const [articleId, text] of texts) {
    /** Quote texts that occur in this text, in the order found. */
    const found: number[] = [];
    for (const group of groups.values()) scan(text, group, exacts, occurrences, found);
    // Scored after the scans, in the order of the texts, as findQuoteInLibrary weighs them.
    for (const e of found) {
      const exact = exacts[e]!;
      const places = occurrences[e]!;
      occurrences[e] = undefined;
      for (const i of quotesOf[e]!) {
        let score = -1;
        for (const at of places) score = Math.max(score, contextScore(text, at, at + exact.length, quotes[i]!));
        if (score > best[i]!) {
          best[i] = score;
          winners[i] = [articleId];
        } else if (score === best[i]) winners[i]!.push(articleId);
      }
    }
  }
  for (const indexes of quotesOf) {
    for (const i of indexes) {
      const w = winners[i];
      answers[i] = !w ? { missing: true } : w.length === 1 ? { found: w[0]! } : { ambiguous: w };
    }
  }
  return answers;
}

/**
 * One reading of `text` for the quote texts of one anchor length: the places of each (its first
 * MAX_OCCURRENCES, left to right, overlapping ones too, as indexOf finds them) go into `occurrences`.
 */
function scan(text: string, group: AnchorGroup, exacts: readonly string[], occurrences: (number[] | undefined)[], found: number[]): void {
  const { length, byAnchor, bits, filter, outWeight } = group;
  if (text.length < length) return;
  let hash = hashOf(text, 0, length);
  for (let at = 0; ; at++) {
    if (filter[slot(hash, bits)] === 1) {
      const candidates = byAnchor.get(text.slice(at, at + length));
      if (candidates) {
        for (const e of candidates) {
          let places = occurrences[e];
          if ((places !== undefined && places.length >= MAX_OCCURRENCES) || !text.startsWith(exacts[e]!, at)) continue;
          if (places === undefined) {
            places = occurrences[e] = [];
            found.push(e);
          }
          places.push(at);
        }
      }
    }
    const next = at + length;
    if (next >= text.length) break;
    hash = (Math.imul(hash - Math.imul(text.charCodeAt(at), outWeight), BASE) + text.charCodeAt(next)) >>> 0;
  }
}

/** The filter's slot of a hash (its bits mixed: the last character moves only the low bits of the hash). */
function slot(hash: number, bits: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> (32 - bits);
}

/** The polynomial hash of `length` characters from `from` (unsigned 32 bits). */
function hashOf(text: string, from: number, length: number): number {
  let hash = 0;
  for (let k = 0; k < length; k++) hash = (Math.imul(hash, BASE) + text.charCodeAt(from + k)) >>> 0;
  return hash;
}
