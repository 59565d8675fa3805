/**
 * Passages two articles share word for word or nearly, found without
 * comparing every article with every other:
 *
 * 1. Every run of `shingle` words (a shingle) is hashed (again in each pass,
 *    not stored: 85 million shingles at 100,000 articles). A pass over them
 *    marks the hashes seen twice in a bit set (almost every shingle of an
 *    article is unique and is dropped here), a second counts the rest by
 *    hash bucket, and a third lays them out by bucket (a counting sort).
 *    Linear in the number of words, in typed arrays only.
 * 2. Within a bucket, entries with the same full hash and the same words are
 *    one shingle. A shingle found in more than `maxArticles` articles is a
 *    stock phrase and ignored. Otherwise its articles are paired: all pairs
 *    when a few articles share it, each with the first one beyond that (the
 *    grouping joins them anyway), so a shingle costs at most linear work.
 * 3. Each pair of occurrences is a seed, grown by extendMatch unless an
 *    earlier passage of the same two articles already covers it.
 *    Passages of at least `minWords` matched words are kept.
 *
 * Deterministic: the order of work only depends on the input.
 */
import { extendMatch } from './extendMatch';

/** One passage two articles share, in word (token) indices of each. */
export interface PassagePair {
  a: number;
  aStart: number;
  aEnd: number;
  b: number;
  bStart: number;
  bEnd: number;
}

export interface SharedPassageOptions {
  /** Words per shingle. */
  shingle: number;
  /** Fewest exactly matched words in a kept passage. */
  minWords: number;
  /** Most words skipped on either side to bridge a difference. */
  maxGap: number;
  /** Words that must agree after a gap. */
  anchor: number;
  /** A shingle in more articles than this is a stock phrase. */
  maxArticles: number;
}

/** Up to this many articles sharing a shingle are paired each with each. */
const ALL_PAIRS_UP_TO = 8;
const NONE = 0xffffffff;

export function findSharedPassages(docs: readonly Int32Array[], options: SharedPassageOptions): PassagePair[] {
  const n = options.shingle;
  const base = new Int32Array(docs.length + 1);
  for (let d = 0; d < docs.length; d++) base[d + 1] = base[d]! + Math.max(0, docs[d]!.length - n + 1);
  const total = base[docs.length]!;
  if (total === 0) return [];

  // Pass 1: which hashes come twice or more, as far as a bit set of about 8 bits a shingle can tell
  // (a shingle found once — almost all of them — is then dropped with a chance of 1 in 8 or better of
  // being kept by a collision; kept ones are told apart below by their full hash and words).
  const seenBits = Math.min(30, Math.max(10, Math.ceil(Math.log2(total * 8))));
  const seenShift = 32 - seenBits;
  let once = new Uint32Array(1 << (seenBits - 5));
  let twice = new Uint32Array(1 << (seenBits - 5));
  for (let d = 0; d < docs.length; d++) {
    const ids = docs[d]!;
    for (let p = 0; p + n <= ids.length; p++) {
      const slot = shingleHash(ids, p, n) >>> seenShift;
      const word = slot >>> 5;
      const bit = 1 << (slot & 31);
      if (once[word]! & bit) twice[word]! |= bit;
      else once[word]! |= bit;
    }
  }
  const repeated = (h: number): boolean => {
    const slot = h >>> seenShift;
    return (twice[slot >>> 5]! & (1 << (slot & 31))) !== 0;
  };

  // Pass 2: the shingles that may repeat, counted by bucket (the top bits of the hash)...
  let kept = 0;
  for (let d = 0; d < docs.length; d++) {
    const ids = docs[d]!;
    for (let p = 0; p + n <= ids.length; p++) if (repeated(shingleHash(ids, p, n))) kept++;
  }
  if (kept < 2) return [];
  const bits = Math.min(24, Math.max(10, Math.ceil(Math.log2(kept * 2))));
  const shift = 32 - bits;
  const table = new Uint32Array(1 << bits);
  for (let d = 0; d < docs.length; d++) {
    const ids = docs[d]!;
    for (let p = 0; p + n <= ids.length; p++) {
      const h = shingleHash(ids, p, n);
      if (repeated(h)) table[h >>> shift]!++;
    }
  }
  let running = 0;
  for (let bucket = 0; bucket < table.length; bucket++) {
    const count = table[bucket]!;
    if (count >= 2) {
      table[bucket] = running;
      running += count;
    } else {
      table[bucket] = NONE;
    }
  }
  // ... and (pass 3) laid out by bucket, in text order within each: occurrence number and hash.
  const entries = new Int32Array(running);
  const entryHashes = new Uint32Array(running);
  for (let d = 0; d < docs.length; d++) {
    const ids = docs[d]!;
    const offset = base[d]!;
    for (let p = 0; p + n <= ids.length; p++) {
      const h = shingleHash(ids, p, n);
      if (!repeated(h)) continue;
      const bucket = h >>> shift;
      if (table[bucket] === NONE) continue;
      const at = table[bucket]!++;
      entries[at] = offset + p;
      entryHashes[at] = h;
    }
  }
  // Let go of the bit sets (up to 256 MB) before the passages are grown.
  once = twice = new Uint32Array(0);

  const docOf = (g: number): number => {
    let lo = 0;
    let hi = docs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (base[mid]! <= g) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  const found = new Map<number, (PassagePair & { matched: number })[]>();
  const seed = (a: number, i: number, b: number, j: number): void => {
    const key = a * docs.length + b;
    let list = found.get(key);
    if (!list) found.set(key, (list = []));
    for (const p of list) if (p.aStart <= i && i + n <= p.aEnd && p.bStart <= j && j + n <= p.bEnd) return;
    const extent = extendMatch(docs[a]!, docs[b]!, i, j, n, options);
    list.push({ a, aStart: extent.aStart, aEnd: extent.aEnd, b, bStart: extent.bStart, bEnd: extent.bEnd, matched: extent.matched });
  };

  // Buckets in order, and within one the entries by hash then text order: every hash that repeats is
  // taken in ascending order, its occurrences in text order.
  const group: number[] = [];
  const occurrences: number[] = [];
  let from = 0;
  for (let bucket = 0; bucket < table.length; bucket++) {
    if (table[bucket] === NONE) continue;
    const to = table[bucket]!;
    group.length = 0;
    for (let k = from; k < to; k++) group.push(k);
    from = to;
    if (group.length > 2) group.sort((x, y) => entryHashes[x]! - entryHashes[y]! || x - y);
    for (let r = 0; r < group.length; ) {
      let s = r + 1;
      while (s < group.length && entryHashes[group[s]!] === entryHashes[group[r]!]) s++;
      if (s - r >= 2) {
        occurrences.length = 0;
        for (let k = r; k < s; k++) occurrences.push(entries[group[k]!]!);
        pairShingle(occurrences, 0, occurrences.length);
      }
      r = s;
    }
  }

  /** group[r, s): occurrences of one hash, in text order. */
  function pairShingle(occurrences: readonly number[], r: number, s: number): void {
    if (s - r < 2) return;
    const first = occurrences[r]!;
    const firstDoc = docOf(first);
    const firstIds = docs[firstDoc]!;
    const firstPos = first - base[firstDoc]!;
    const docsSeen: number[] = [];
    const positions: number[] = [];
    for (let k = r; k < s; k++) {
      const g = occurrences[k]!;
      const d = docOf(g);
      if (docsSeen[docsSeen.length - 1] === d) continue; // first occurrence per article
      const p = g - base[d]!;
      if (k > r && !sameWords(firstIds, firstPos, docs[d]!, p, n)) continue; // hash collision
      docsSeen.push(d);
      positions.push(p);
      if (docsSeen.length > options.maxArticles) return; // stock phrase
    }
    if (docsSeen.length < 2) return;
    const pairwise = docsSeen.length <= ALL_PAIRS_UP_TO;
    for (let x = 0; x < docsSeen.length; x++) {
      for (let y = x + 1; y < docsSeen.length; y++) seed(docsSeen[x]!, positions[x]!, docsSeen[y]!, positions[y]!);
      if (!pairwise) break;
    }
  }

  const result: PassagePair[] = [];
  for (const list of found.values()) {
    for (const p of list) {
      if (p.matched >= options.minWords) result.push({ a: p.a, aStart: p.aStart, aEnd: p.aEnd, b: p.b, bStart: p.bStart, bEnd: p.bEnd });
    }
  }
  return result;
}

/** The hash of words [p, p + n) of `ids` (32 bits, well mixed). */
export function shingleHash(ids: Int32Array, p: number, n: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < n; k++) h = Math.imul(h ^ ids[p + k]!, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function sameWords(a: Int32Array, p: number, b: Int32Array, q: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (a[p + k] !== b[q + k]) return false;
  return true;
}
