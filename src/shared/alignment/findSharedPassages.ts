/**
 * Passages two articles share word for word or nearly, found without
 * comparing every article with every other:
 *
 * 1. Every run of `shingle` words (a shingle) is hashed (again in each pass,
 *    not stored: 85 million shingles at 100,000 articles). A pass over them
 *    marks the hashes seen twice in a table of two bits a slot (almost every
 *    shingle of an article is unique and is dropped here); the rest are
 *    listed and sorted by hash (a radix sort). Linear in the number of
 *    words, in typed arrays only.
 * 2. Entries with the same full hash and the same words are one shingle. A shingle found in more than `maxArticles` articles is a
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
const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;

export function findSharedPassages(docs: readonly Int32Array[], options: SharedPassageOptions): PassagePair[] {
  const n = options.shingle;
  const base = new Int32Array(docs.length + 1);
  for (let d = 0; d < docs.length; d++) base[d + 1] = base[d]! + Math.max(0, docs[d]!.length - n + 1);
  const total = base[docs.length]!;
  if (total === 0) return [];

  // Pass 1: which hashes come twice or more, as far as a table of 2 bits a slot (seen, seen again) and
  // about 8 slots a shingle can tell: a shingle found once — almost all of them — is then dropped, with a
  // chance of 1 in 8 or better of being kept by a collision (kept ones are told apart below by their full
  // hash and words). One memory access a shingle: the table is far larger than any cache.
  const slotBits = Math.min(30, Math.max(10, Math.ceil(Math.log2(total * 8))));
  const slotShift = 32 - slotBits;
  let seen = new Uint32Array(1 << (slotBits - 4));
  for (let d = 0; d < docs.length; d++) {
    const ids = docs[d]!;
    for (let p = 0; p + n <= ids.length; p++) {
      const slot = shingleHash(ids, p, n) >>> slotShift;
      const word = slot >>> 4;
      const once = 1 << ((slot & 15) << 1);
      const value = seen[word]!;
      seen[word] = value | once | ((value & once) << 1);
    }
  }
  const repeated = (h: number): boolean => {
    const slot = h >>> slotShift;
    return ((seen[slot >>> 4]! >>> (((slot & 15) << 1) + 1)) & 1) !== 0;
  };

  // Pass 2 counts the shingles that may repeat, pass 3 lists them in text order (hash, occurrence number)...
  let kept = 0;
  for (let d = 0; d < docs.length; d++) {
    const ids = docs[d]!;
    for (let p = 0; p + n <= ids.length; p++) if (repeated(shingleHash(ids, p, n))) kept++;
  }
  if (kept < 2) return [];
  let keptHashes = new Uint32Array(kept);
  let keptAt = new Int32Array(kept);
  for (let d = 0, k = 0; d < docs.length; d++) {
    const ids = docs[d]!;
    const offset = base[d]!;
    for (let p = 0; p + n <= ids.length; p++) {
      const h = shingleHash(ids, p, n);
      if (!repeated(h)) continue;
      keptHashes[k] = h;
      keptAt[k++] = offset + p;
    }
  }
  seen = new Uint32Array(0); // up to 256 MB let go before the passages are grown
  // ... sorted by hash, text order kept among equal hashes (a stable radix sort, 11 bits a pass).
  [keptHashes, keptAt] = sortByHash(keptHashes, keptAt);

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

  // Every hash that repeats, in ascending order, its occurrences in text order.
  for (let r = 0; r < kept; ) {
    let s = r + 1;
    while (s < kept && keptHashes[s] === keptHashes[r]) s++;
    pairShingle(keptAt, r, s);
    r = s;
  }

  /** occurrences[r, s): the occurrences of one hash, in text order. */
  function pairShingle(occurrences: Int32Array, r: number, s: number): void {
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

/** Hashes in ascending order, each value moved with its hash, equal hashes kept in the order given. */
function sortByHash(hashes: Uint32Array<ArrayBuffer>, values: Int32Array<ArrayBuffer>): [Uint32Array<ArrayBuffer>, Int32Array<ArrayBuffer>] {
  let fromHashes = hashes;
  let fromValues = values;
  let toHashes = new Uint32Array(hashes.length);
  let toValues = new Int32Array(values.length);
  const counts = new Uint32Array(RADIX);
  for (let shift = 0; shift < 32; shift += RADIX_BITS) {
    counts.fill(0);
    for (let k = 0; k < fromHashes.length; k++) counts[(fromHashes[k]! >>> shift) & (RADIX - 1)]!++;
    for (let digit = 0, running = 0; digit < RADIX; digit++) {
      const count = counts[digit]!;
      counts[digit] = running;
      running += count;
    }
    for (let k = 0; k < fromHashes.length; k++) {
      const at = counts[(fromHashes[k]! >>> shift) & (RADIX - 1)]!++;
      toHashes[at] = fromHashes[k]!;
      toValues[at] = fromValues[k]!;
    }
    [fromHashes, toHashes] = [toHashes, fromHashes];
    [fromValues, toValues] = [toValues, fromValues];
  }
  return [fromHashes, fromValues];
}

function sameWords(a: Int32Array, p: number, b: Int32Array, q: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (a[p + k] !== b[q + k]) return false;
  return true;
}
