import { describe, expect, it } from 'vitest';
import { extendMatch } from './extendMatch';
import { findSharedPassages, shingleHash, type PassagePair, type SharedPassageOptions } from './findSharedPassages';

const vocabulary = new Map<string, number>();
const ids = (text: string): Int32Array =>
  Int32Array.from(
    text
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => vocabulary.get(w) ?? (vocabulary.set(w, vocabulary.size), vocabulary.size - 1)),
  );
const options: SharedPassageOptions = { shingle: 5, minWords: 8, maxGap: 3, anchor: 3, maxArticles: 50 };
/** A distinct filler word sequence per call, so unrelated text never matches. */
let fillers = 0;
const filler = (n: number): string => Array.from({ length: n }, () => `f${fillers++}`).join(' ');

const SHARED = 'the aggressive war unleashed by putin against ukraine is not only a crime against the ukrainian people';

describe('findSharedPassages', () => {
  it('finds a passage two articles share, wherever it sits in each', () => {
    const docs = [ids(`${filler(30)} ${SHARED} ${filler(10)}`), ids(`${filler(5)} ${SHARED} ${filler(40)}`)];
    expect(findSharedPassages(docs, options)).toEqual([{ a: 0, aStart: 30, aEnd: 47, b: 1, bStart: 5, bEnd: 22 }]);
  });

  it('keeps a nearly shared passage in one piece', () => {
    const edited = SHARED.replace('is not only', 'was not only').replace('by putin', 'by president putin');
    const [pair] = findSharedPassages([ids(`${filler(3)} ${SHARED}`), ids(`${edited} ${filler(3)}`)], options);
    expect(pair).toMatchObject({ aStart: 3, aEnd: 20, bStart: 0, bEnd: 18 });
  });

  it('ignores shared runs shorter than minWords', () => {
    const docs = [ids(`${filler(5)} one two three four five six seven ${filler(5)}`), ids(`one two three four five six seven ${filler(5)}`)];
    expect(findSharedPassages(docs, options)).toEqual([]);
  });

  it('ignores a stock phrase found in more articles than maxArticles', () => {
    const stock = 'a spokesperson declined to comment on the matter when asked by reporters';
    const docs = Array.from({ length: 6 }, () => ids(`${filler(4)} ${stock} ${filler(4)}`));
    expect(findSharedPassages(docs, { ...options, maxArticles: 5 })).toEqual([]);
    expect(findSharedPassages(docs, { ...options, maxArticles: 6 }).length).toBeGreaterThan(0);
  });

  it('links every article holding a widely shared passage, without pairing them all', () => {
    const docs = Array.from({ length: 30 }, () => ids(`${filler(6)} ${SHARED} ${filler(6)}`));
    const pairs = findSharedPassages(docs, options);
    const linked = new Set(pairs.flatMap((p) => [p.a, p.b]));
    expect(linked.size).toBe(30);
    expect(pairs.length).toBeLessThan((30 * 29) / 2);
  });

  it('gives the same answer every time and nothing for empty input', () => {
    const docs = [ids(`${SHARED} ${filler(3)}`), ids(`${filler(2)} ${SHARED}`), ids(SHARED)];
    expect(findSharedPassages(docs, options)).toEqual(findSharedPassages(docs, options));
    expect(findSharedPassages([], options)).toEqual([]);
    expect(findSharedPassages([ids('too short')], options)).toEqual([]);
  });
});

describe('findSharedPassages against the version before the bit set (issue 20)', () => {
  it('finds the very same passages, in the same order, on a generated corpus of copies, edits and stock phrases', () => {
    const docs = generatedCorpus(false);
    for (const maxArticles of [50, 5]) {
      const settings = { ...options, maxArticles };
      const before = findSharedPassagesBefore(docs, settings);
      expect(before.length).toBeGreaterThan(50);
      expect(findSharedPassages(docs, settings)).toEqual(before);
    }
  });

  it('finds the very same passages when articles too short for a shingle (or empty) lie between the others', () => {
    const docs = generatedCorpus(true);
    expect(docs.filter((d) => d.length < options.shingle).length).toBeGreaterThan(50);
    const before = findSharedPassagesBefore(docs, options);
    expect(before.length).toBeGreaterThan(50);
    expect(findSharedPassages(docs, options)).toEqual(before);
  });
});

/**
 * A seeded corpus: words drawn from a few hundred, so short runs repeat by chance too; passages of earlier
 * articles copied with a few words changed, dropped or added; a stock phrase; with `short`, runs of
 * articles of fewer than five words (none, often) between them.
 */
function generatedCorpus(short: boolean): Int32Array[] {
  let seed = 20;
  const random = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const word = (): number => Math.floor(random() ** 2 * 400);
  const stock = Array.from({ length: 12 }, word);
  const docs: Int32Array[] = [];
  for (let d = 0; d < 150; d++) {
    if (short && random() < 0.3) {
      for (let k = Math.floor(random() * 4); k >= 0; k--) docs.push(Int32Array.from({ length: random() < 0.5 ? 0 : Math.floor(random() * 5) }, word));
    }
    const words: number[] = Array.from({ length: 80 + Math.floor(random() * 400) }, word);
    if (docs.length > 0 && random() < 0.6) {
      // A passage of an earlier article, copied with a few words changed, dropped or added.
      const source = docs[Math.floor(random() * docs.length)]!;
      const from = Math.floor(random() * Math.max(1, source.length - 60));
      const copied = Array.from(source.subarray(from, from + 20 + Math.floor(random() * 60)));
      for (let k = 0; k < 3 && copied.length > 0; k++) {
        const at = Math.floor(random() * copied.length);
        const edit = random();
        if (edit < 0.33) copied[at] = word();
        else if (edit < 0.66) copied.splice(at, 1);
        else copied.splice(at, 0, word());
      }
      words.splice(Math.floor(random() * words.length), 0, ...copied);
    }
    if (random() < 0.3) words.splice(Math.floor(random() * words.length), 0, ...stock);
    if (random() < 0.1) words.splice(0, 0, ...words.slice(0, 30)); // a passage twice in one article
    docs.push(Int32Array.from(words));
  }
  return docs;
}

/** findSharedPassages as it was before the bit set (every shingle's hash stored, a bucket table over all). */
function findSharedPassagesBefore(docs: readonly Int32Array[], options: SharedPassageOptions): PassagePair[] {
  const n = options.shingle;
  const base = new Int32Array(docs.length + 1);
  for (let d = 0; d < docs.length; d++) base[d + 1] = base[d]! + Math.max(0, docs[d]!.length - n + 1);
  const total = base[docs.length]!;
  if (total === 0) return [];

  const hashes = new Uint32Array(total);
  for (let d = 0; d < docs.length; d++) {
    const ids = docs[d]!;
    const offset = base[d]!;
    for (let p = 0; p + n <= ids.length; p++) hashes[offset + p] = shingleHash(ids, p, n);
  }

  const bits = Math.min(24, Math.max(10, Math.ceil(Math.log2(total * 2))));
  const shift = 32 - bits;
  const table = new Uint32Array(1 << bits);
  for (let g = 0; g < total; g++) table[hashes[g]! >>> shift]!++;
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
  const entries = new Int32Array(running);
  for (let g = 0; g < total; g++) {
    const bucket = hashes[g]! >>> shift;
    if (table[bucket] !== NONE) entries[table[bucket]!++] = g;
  }

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

  const group: number[] = [];
  let from = 0;
  for (let bucket = 0; bucket < table.length; bucket++) {
    if (table[bucket] === NONE) continue;
    const to = table[bucket]!;
    group.length = 0;
    for (let k = from; k < to; k++) group.push(entries[k]!);
    from = to;
    if (group.length > 2) group.sort((x, y) => hashes[x]! - hashes[y]! || x - y);
    for (let r = 0; r < group.length; ) {
      let s = r + 1;
      while (s < group.length && hashes[group[s]!] === hashes[group[r]!]) s++;
      pairShingle(group, r, s);
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


function sameWords(a: Int32Array, p: number, b: Int32Array, q: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (a[p + k] !== b[q + k]) return false;
  return true;
}

const ALL_PAIRS_UP_TO = 8;
const NONE = 0xffffffff;
