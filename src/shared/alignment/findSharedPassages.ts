/**
 * Passages two articles share word for word or nearly, found without
 * comparing every article with every other:
 *
 * 1. Every run of `shingle` words (a shingle) is hashed (again in each pass,
 *    not stored: 67 million shingles at 100,000 articles). A first pass counts
 *    the shingles of each partition (the top bits of the hash); then, a round
 *    of partitions at a time (at most ROUND shingles listed at once), they are
 *    listed partition by partition (hash, occurrence), each partition sorted
 *    by hash (a radix sort small enough to stay in the cache) and its equal
 *    hashes paired — all hashes in ascending order. Linear in the number of
 *    words, in typed arrays only, and no lookup into a table larger than the
 *    cache (issue 20: a lookup a shingle in a table of 256 MB took a third of
 *    the run).
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
import { createPassagesByPair } from './passagesByPair';

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
/** Shingles are partitioned by the top PART_BITS bits of their hash ... */
const PART_BITS = 10;
const PARTS = 1 << PART_BITS;
const PART_SHIFT = 32 - PART_BITS;
/** ... each partition sorted by the next 2 × LOW_BITS bits (the 22 left), LOW_BITS a pass. */
const LOW_BITS = 11;
const LOW = 1 << LOW_BITS;
/** A partition of at most this many shingles is sorted by insertion (two radix passes cost 8,000 steps whatever its size). */
const SMALL_PART = 64;
/** Most shingles listed at once (128 MB of hash and occurrence): a larger library takes several rounds. */
const ROUND = 1 << 24;
/** docOf starts from the first article of each stretch of 2^DOC_STEP_BITS shingles. */
const DOC_STEP_BITS = 8;

export function findSharedPassages(docs: readonly Int32Array[], options: SharedPassageOptions): PassagePair[] {
  const n = options.shingle;
  const base = new Int32Array(docs.length + 1);
  for (let d = 0; d < docs.length; d++) base[d + 1] = base[d]! + Math.max(0, docs[d]!.length - n + 1);
  const total = base[docs.length]!;
  if (total === 0) return [];

  // Pass 1 counts the shingles of each partition (the top PART_BITS bits of their hash).
  const partStart = new Int32Array(PARTS + 1);
  for (let d = 0; d < docs.length; d++) {
    const ids = docs[d]!;
    for (let p = 0; p + n <= ids.length; p++) partStart[(shingleHash(ids, p, n) >>> PART_SHIFT) + 1]!++;
  }
  for (let part = 0; part < PARTS; part++) partStart[part + 1]! += partStart[part]!;
  // Partitions are taken in rounds of at most ROUND shingles (all of them in one round below 16 million).
  const rounds: number[] = [0];
  for (let part = 1; part <= PARTS; part++) {
    if (part === PARTS || partStart[part + 1]! - partStart[rounds.at(-1)!]! > ROUND) rounds.push(part);
  }
  let largestRound = 0;
  let largestPart = 0;
  for (let r = 0; r + 1 < rounds.length; r++) largestRound = Math.max(largestRound, partStart[rounds[r + 1]!]! - partStart[rounds[r]!]!);
  for (let part = 0; part < PARTS; part++) largestPart = Math.max(largestPart, partStart[part + 1]! - partStart[part]!);
  const hashes = new Uint32Array(largestRound);
  const at = new Int32Array(largestRound);
  const sortedHashes = new Uint32Array(largestPart);
  const sortedAt = new Int32Array(largestPart);
  const counts = new Int32Array(LOW);
  const fill = new Int32Array(PARTS);
  /** The articles of one shingle and where it is in each (the first occurrence in each). */
  const docsSeen = new Int32Array(options.maxArticles + 1);
  const positions = new Int32Array(options.maxArticles + 1);

  // The article of an occurrence: from the first article of its stretch of 2^DOC_STEP_BITS occurrences,
  // a step or two on (an article holds hundreds of shingles), not a binary search over every article.
  const stretches = (total >>> DOC_STEP_BITS) + 1;
  const firstDocOf = new Int32Array(stretches);
  for (let c = 0, d = 0; c < stretches; c++) {
    const g = c << DOC_STEP_BITS;
    while (d + 1 < docs.length && base[d + 1]! <= g) d++;
    firstDocOf[c] = d;
  }
  /** The article d with base[d] <= g < base[d + 1] (the last of them when some are empty). */
  const docOf = (g: number): number => {
    let d = firstDocOf[g >>> DOC_STEP_BITS]!;
    while (base[d + 1]! <= g) d++;
    return d;
  };

  const found = createPassagesByPair();
  const seed = (a: number, i: number, b: number, j: number): void => {
    const pair = found.pair(a, b);
    if (found.covers(pair, i, j, n)) return;
    const extent = extendMatch(docs[a]!, docs[b]!, i, j, n, options);
    found.add(pair, extent.aStart, extent.aEnd, extent.bStart, extent.bEnd, extent.matched);
  };

  // Each round: its shingles listed by partition, in text order (hash, occurrence number); then each
  // partition sorted by the rest of the hash (a stable radix sort, text order kept among equal hashes)
  // and its hashes paired in ascending order — every hash that repeats, in ascending order overall.
  for (let r = 0; r + 1 < rounds.length; r++) {
    const first = rounds[r]!;
    const last = rounds[r + 1]!;
    const from = partStart[first]!;
    for (let part = first; part < last; part++) fill[part] = partStart[part]! - from;
    for (let d = 0; d < docs.length; d++) {
      const ids = docs[d]!;
      const offset = base[d]!;
      for (let p = 0; p + n <= ids.length; p++) {
        const h = shingleHash(ids, p, n);
        const part = h >>> PART_SHIFT;
        if (part < first || part >= last) continue;
        const k = fill[part]!++;
        hashes[k] = h;
        at[k] = offset + p;
      }
    }
    for (let part = first; part < last; part++) {
      const start = partStart[part]! - from;
      const end = partStart[part + 1]! - from;
      if (end - start < 2) continue;
      sortPartition(start, end);
      for (let k = start; k < end; ) {
        let next = k + 1;
        while (next < end && hashes[next] === hashes[k]) next++;
        pairShingle(at, k, next);
        k = next;
      }
    }
  }

  /** hashes[start, end) (one partition) in ascending order, at[] moved alike, equal hashes kept in text order. */
  function sortPartition(start: number, end: number): void {
    if (end - start <= SMALL_PART) {
      // A few shingles (a small corpus: one article against its candidates): an insertion sort, stable too.
      for (let k = start + 1; k < end; k++) {
        const h = hashes[k]!;
        const g = at[k]!;
        let j = k - 1;
        for (; j >= start && hashes[j]! > h; j--) {
          hashes[j + 1] = hashes[j]!;
          at[j + 1] = at[j]!;
        }
        hashes[j + 1] = h;
        at[j + 1] = g;
      }
      return;
    }
    // The low LOW_BITS bits: from the round's arrays into the sorted ones ...
    counts.fill(0);
    for (let k = start; k < end; k++) counts[hashes[k]! & (LOW - 1)]!++;
    for (let digit = 0, running = 0; digit < LOW; digit++) {
      const count = counts[digit]!;
      counts[digit] = running;
      running += count;
    }
    for (let k = start; k < end; k++) {
      const to = counts[hashes[k]! & (LOW - 1)]!++;
      sortedHashes[to] = hashes[k]!;
      sortedAt[to] = at[k]!;
    }
    // ... then the next LOW_BITS bits, back (the partition's own bits are the same throughout).
    counts.fill(0);
    const length = end - start;
    for (let k = 0; k < length; k++) counts[(sortedHashes[k]! >>> LOW_BITS) & (LOW - 1)]!++;
    for (let digit = 0, running = start; digit < LOW; digit++) {
      const count = counts[digit]!;
      counts[digit] = running;
      running += count;
    }
    for (let k = 0; k < length; k++) {
      const to = counts[(sortedHashes[k]! >>> LOW_BITS) & (LOW - 1)]!++;
      hashes[to] = sortedHashes[k]!;
      at[to] = sortedAt[k]!;
    }
  }

  /** occurrences[r, s): the occurrences of one hash, in text order. */
  function pairShingle(occurrences: Int32Array, r: number, s: number): void {
    if (s - r < 2) return;
    const first = occurrences[r]!;
    const firstDoc = docOf(first);
    const firstIds = docs[firstDoc]!;
    const firstPos = first - base[firstDoc]!;
    let seen = 0;
    for (let k = r; k < s; k++) {
      const g = occurrences[k]!;
      const d = docOf(g);
      if (seen > 0 && docsSeen[seen - 1] === d) continue; // first occurrence per article
      const p = g - base[d]!;
      if (k > r && !sameWords(firstIds, firstPos, docs[d]!, p, n)) continue; // hash collision
      docsSeen[seen] = d;
      positions[seen++] = p;
      if (seen > options.maxArticles) return; // stock phrase
    }
    if (seen < 2) return;
    const pairwise = seen <= ALL_PAIRS_UP_TO;
    for (let x = 0; x < seen; x++) {
      for (let y = x + 1; y < seen; y++) seed(docsSeen[x]!, positions[x]!, docsSeen[y]!, positions[y]!);
      if (!pairwise) break;
    }
  }

  const result: PassagePair[] = [];
  found.forEach((a, aStart, aEnd, b, bStart, bEnd, matched) => {
    if (matched >= options.minWords) result.push({ a, aStart, aEnd, b, bStart, bEnd });
  });
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
