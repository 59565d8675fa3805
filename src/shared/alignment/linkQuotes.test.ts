import { describe, expect, it } from 'vitest';
import { contentStem } from './contentStem';
import type { PassagePair } from './findSharedPassages';
import { linkQuotes, type LinkQuotesOptions, type QuoteWords } from './linkQuotes';

const OPTIONS = { minShared: 3, minSimilarity: 0.6, maxPostings: 50 };

/** Articles as word lists; every whole article is one quote. Words weigh 1 unless `weights` says otherwise. */
function setUp(articles: string[], weights: Record<string, number> = {}) {
  const vocabulary = new Map<string, number>();
  const docs = articles.map((text) =>
    Int32Array.from(text.split(' ').map((w) => vocabulary.get(w) ?? (vocabulary.set(w, vocabulary.size), vocabulary.size - 1))),
  );
  const stemIds = new Map<string, number>();
  const stemOf = new Int32Array(vocabulary.size);
  for (const [word, id] of vocabulary) {
    const stem = contentStem(word);
    stemOf[id] = stem === null ? -1 : (stemIds.get(stem) ?? (stemIds.set(stem, stemIds.size), stemIds.size - 1));
  }
  const stemWeights = Float64Array.from([...stemIds.keys()], (stem) => weights[stem] ?? 1);
  const quotes = docs.map((d, doc) => ({ doc, start: 0, end: d.length }));
  return { docs, links: linkQuotes(docs, quotes, stemOf, stemWeights, OPTIONS) };
}

const FULL = 'for twenty years of my diplomatic career i have seen different turns of our foreign policy but never have i been so ashamed of my country as on february 24 of this year';

describe('linkQuotes', () => {
  it('links a fragment to the stretch of the longer quote it comes from', () => {
    const { links } = setUp([FULL, 'never been so ashamed of my country']);
    expect(links).toHaveLength(1);
    const words = FULL.split(' ');
    const link = links[0]!;
    expect(link.b === 1 ? [link.bStart, link.bEnd] : [link.aStart, link.aEnd]).toEqual([0, 7]);
    const [start, end] = link.a === 0 ? [link.aStart, link.aEnd] : [link.bStart, link.bEnd];
    expect(words.slice(start, end).join(' ')).toBe('never have i been so ashamed of my country');
  });

  it('links a differently translated quote, covering all of it', () => {
    const other = 'in my 20-year long career as a diplomat i have seen many changes in foreign policy but i have never felt so ashamed of my country before february 24 this year';
    const { links, docs } = setUp([FULL, other]);
    expect(links).toHaveLength(1);
    const link = links[0]!;
    const side = link.a === 1 ? [link.aStart, link.aEnd] : [link.bStart, link.bEnd];
    expect(side).toEqual([0, docs[1]!.length]);
  });

  it('does not link quotes that only share a few topic words', () => {
    const { links } = setUp([FULL, 'the foreign ministry said the country would answer in february', 'never again']);
    expect(links).toEqual([]);
  });

  it('must cover the rare words of the shorter quote, not only the common ones', () => {
    const articles = ['russia war ukraine bondarev', 'they said russia war ukraine crime today'];
    expect(setUp(articles).links).toHaveLength(1);
    expect(setUp(articles, { russia: 0.5, war: 0.5, ukraine: 0.5, bondarev: 3 }).links).toEqual([]);
  });

  it('does not link words scattered over a long quote', () => {
    const scattered = `ashamed ${'x '.repeat(30)}country ${'y '.repeat(30)}never`;
    const { links } = setUp(['never ashamed country', scattered.trim()]);
    expect(links).toEqual([]);
  });

  it('never links quotes of the same article', () => {
    const vocabulary = new Map<string, number>();
    const words = 'never ashamed country and never ashamed country'.split(' ');
    const doc = Int32Array.from(words.map((w) => vocabulary.get(w) ?? (vocabulary.set(w, vocabulary.size), vocabulary.size - 1)));
    const stemOf = Int32Array.from([...vocabulary.keys()].map((w, i) => (contentStem(w) === null ? -1 : i)));
    const quotes = [
      { doc: 0, start: 0, end: 3 },
      { doc: 0, start: 4, end: 7 },
    ];
    expect(linkQuotes([doc], quotes, stemOf, new Float64Array(vocabulary.size).fill(1), OPTIONS)).toEqual([]);
  });
});

describe('linkQuotes against the version before its flat arrays (issue 20)', () => {
  it('links the very same quotes, in the same order, on a generated corpus of fragments, paraphrases and common topic words', () => {
    let seed = 24;
    const random = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    // Word ids: 0–19 function words, 20–419 content words (each its own stem), the first ones the commonest.
    const FUNCTION_WORDS = 20;
    const stemOf = Int32Array.from({ length: 420 }, (_, id) => (id < FUNCTION_WORDS ? -1 : id - FUNCTION_WORDS));
    const stemWeights = Float64Array.from({ length: 400 }, (_, stem) => Math.log(2 + stem / 40));
    const word = (): number => (random() < 0.3 ? Math.floor(random() * FUNCTION_WORDS) : FUNCTION_WORDS + Math.floor(random() ** 2 * 400));
    const topic = [FUNCTION_WORDS + 1, FUNCTION_WORDS + 2]; // two content words most quotes hold, side by side
    const made: number[][] = [];
    const docs: Int32Array[] = [];
    const quotes: { doc: number; start: number; end: number }[] = [];
    for (let d = 0; d < 700; d++) {
      const words: number[] = Array.from({ length: 5 + Math.floor(random() * 20) }, word);
      for (let q = 0; q < 1 + Math.floor(random() * 3); q++) {
        let quote: number[];
        if (made.length > 0 && random() < 0.5) {
          // A fragment or paraphrase of an earlier quote: a stretch of it with words changed, dropped or added.
          const source = made[Math.floor(random() * made.length)]!;
          const from = Math.floor(random() * source.length * 0.4);
          quote = source.slice(from, from + 4 + Math.floor(random() * source.length));
          for (let k = Math.floor(random() * 5); k > 0; k--) {
            const at = Math.floor(random() * quote.length);
            const edit = random();
            if (edit < 0.33) quote[at] = word();
            else if (edit < 0.66) quote.splice(at, 1);
            else quote.splice(at, 0, word());
          }
        } else {
          quote = Array.from({ length: 4 + Math.floor(random() * (random() < 0.05 ? 300 : 40)) }, word);
        }
        if (random() < 0.6) quote.splice(Math.floor(random() * quote.length), 0, ...topic);
        made.push(quote);
        quotes.push({ doc: d, start: words.length, end: words.length + quote.length });
        words.push(...quote, ...Array.from({ length: Math.floor(random() * 10) }, word));
      }
      docs.push(Int32Array.from(words));
    }
    for (const maxPostings of [5000, 40]) {
      const options = { minShared: 3, minSimilarity: 0.6, maxPostings };
      const before = linkQuotesBefore(docs, quotes, stemOf, stemWeights, options);
      expect(before.length).toBeGreaterThan(300);
      expect(linkQuotes(docs, quotes, stemOf, stemWeights, options)).toEqual(before);
    }
  });
});

// linkQuotes as it was before its flat arrays (a Map of numbered stem pairs, an object a quote).

const MAX_CONTENT_WORDS = 200;
const MAX_CANDIDATES = 128;
const MAX_VISITS = 512;
const KEY_WINDOW = 3;

interface Unit {
  doc: number;
  /** The whole quote, in words. */
  start: number;
  end: number;
  /** Content stems in order, and the word index each came from. */
  stems: Int32Array;
  words: Int32Array;
  distinct: number[];
  /** Index keys (numbered pairs of nearby stems), each once. */
  keys: number[];
  /** Sum of the weights of `stems`. */
  weight: number;
}

/**
 * `stemOf[id]` is the stem number of vocabulary word `id`, or -1 for a
 * function word; `stemWeights[stem]` is the weight of a stem (> 0).
 */
function linkQuotesBefore(
  docs: readonly Int32Array[],
  quotes: readonly QuoteWords[],
  stemOf: Int32Array,
  stemWeights: Float64Array,
  options: LinkQuotesOptions,
): PassagePair[] {
  const stems = stemWeights.length;
  const units: Unit[] = [];
  const keyIds = new Map<number, number>();
  for (const q of quotes) {
    const ids = docs[q.doc]!;
    const s: number[] = [];
    const w: number[] = [];
    for (let k = q.start; k < q.end; k++) {
      const stem = stemOf[ids[k]!]!;
      if (stem >= 0) {
        s.push(stem);
        w.push(k);
      }
    }
    if (s.length < options.minShared || s.length > MAX_CONTENT_WORDS) continue;
    const weight = s.reduce((sum, stem) => sum + stemWeights[stem]!, 0);
    const keys = new Set<number>();
    for (let i = 0; i < s.length; i++) {
      for (let d = 1; d <= KEY_WINDOW && i + d < s.length; d++) {
        const pair = s[i]! * stems + s[i + d]!;
        let key = keyIds.get(pair);
        if (key === undefined) keyIds.set(pair, (key = keyIds.size));
        keys.add(key);
      }
    }
    units.push({
      doc: q.doc,
      start: q.start,
      end: q.end,
      stems: Int32Array.from(s),
      words: Int32Array.from(w),
      distinct: [...new Set(s)],
      keys: [...keys],
      weight,
    });
  }

  // Inverted index, key → units holding it (counting sort).
  const keyCount = keyIds.size;
  const df = new Int32Array(keyCount);
  for (const u of units) for (const key of u.keys) df[key]!++;
  const postingStart = new Int32Array(keyCount + 1);
  for (let key = 0; key < keyCount; key++) postingStart[key + 1] = postingStart[key]! + df[key]!;
  const postings = new Int32Array(postingStart[keyCount]!);
  const fill = postingStart.slice(0, keyCount);
  units.forEach((u, index) => {
    for (const key of u.keys) postings[fill[key]!++] = index;
  });

  // Flat copies of what every index visit checks (cheaper than touching the unit objects).
  const unitDoc = Int32Array.from(units, (u) => u.doc);
  const unitLength = Int32Array.from(units, (u) => u.stems.length);
  // Shorter quotes probe longer ones (ties: the later one), so each pair is looked at once.
  const probes = (x: number, y: number): boolean => unitLength[x]! < unitLength[y]! || (unitLength[x] === unitLength[y] && x < y);

  const links: PassagePair[] = [];
  const seen = new Int32Array(units.length).fill(-1);
  /** How often each stem occurs in the probing quote (reset after each). */
  const inX = new Int32Array(stems);
  const left = new Int32Array(stems);
  /**
   * Whether y shares `needed` words with x, counted with repeats (an upper bound of the common
   * subsequence).
   */
  const sharesEnough = (y: Unit, needed: number): boolean => {
    const ys = y.stems;
    let shared = 0;
    let k = 0;
    // Stops as soon as it does, or as soon as the stems left could no longer make up the difference.
    for (; k < ys.length && shared < needed && shared + ys.length - k >= needed; k++) {
      const stem = ys[k]!;
      if (left[stem]! > 0) {
        left[stem]!--;
        shared++;
      }
    }
    for (let r = 0; r < k; r++) left[ys[r]!] = inX[ys[r]!]!;
    return shared >= needed;
  };
  units.forEach((x, xi) => {
    for (const stem of x.stems) inX[stem]!++;
    for (const stem of x.distinct) left[stem] = inX[stem]!;
    const needed = Math.max(options.minShared, Math.ceil(options.minSimilarity * x.stems.length));
    const rarest = [...x.keys].sort((p, q) => df[p]! - df[q]! || p - q);
    const best = new Map<number, { y: number; match: SubsequenceMatch }>();
    let candidates = 0;
    let visits = 0;
    for (const key of rarest) {
      if (df[key]! > options.maxPostings) continue;
      const end = Math.min(postingStart[key + 1]!, postingStart[key]! + MAX_VISITS - visits);
      if (end <= postingStart[key]!) break;
      visits += end - postingStart[key]!;
      for (let k = postingStart[key]!; k < end && candidates < MAX_CANDIDATES; k++) {
        const yi = postings[k]!;
        if (seen[yi] === xi || unitDoc[yi] === x.doc || !probes(xi, yi)) continue;
        seen[yi] = xi;
        candidates++;
        const y = units[yi]!;
        if (!sharesEnough(y, needed)) continue;
        const match = tightestCommonSubsequence(x.stems, y.stems, stemWeights);
        if (!match || !accepts(match, x.weight, options)) continue;
        const current = best.get(y.doc);
        if (!current || better(match, current.match)) best.set(y.doc, { y: yi, match });
      }
    }
    for (const stem of x.distinct) {
      inX[stem] = 0;
      left[stem] = 0;
    }
    for (const { y: yi, match } of best.values()) {
      const y = units[yi]!;
      const [aStart, aEnd] = linkedWords(x, match.xFirst, match.xLast);
      const [bStart, bEnd] = linkedWords(y, match.yFirst, match.yLast);
      links.push({ a: x.doc, aStart, aEnd, b: y.doc, bStart, bEnd });
    }
  });
  return links;
}

/** The matched stretch of a quote in words; the whole quote when the match covers most of it. */
function linkedWords(unit: Unit, first: number, last: number): [number, number] {
  if ((last - first + 1) * 3 >= unit.stems.length * 2) return [unit.start, unit.end];
  return [unit.words[first]!, unit.words[last]! + 1];
}

interface SubsequenceMatch {
  /** Words matched, and their weight. */
  length: number;
  weight: number;
  xFirst: number;
  xLast: number;
  yFirst: number;
  yLast: number;
}

function accepts(m: SubsequenceMatch, shorterWeight: number, options: LinkQuotesOptions): boolean {
  return (
    m.length >= options.minShared && m.weight >= options.minSimilarity * shorterWeight && m.length * 2 >= m.yLast - m.yFirst + 1
  );
}

function better(m: SubsequenceMatch, than: SubsequenceMatch): boolean {
  if (m.weight !== than.weight) return m.weight > than.weight;
  return m.yLast - m.yFirst < than.yLast - than.yFirst;
}

/**
 * The heaviest common subsequence of x and y, traced back both from the end
 * and (on the reversed sequences) from the start; whichever stretch of y is
 * shorter wins, so a word repeated far away does not stretch the match.
 */
function tightestCommonSubsequence(x: Int32Array, y: Int32Array, weights: Float64Array): SubsequenceMatch | null {
  const late = commonSubsequence(x, y, weights);
  if (!late) return null;
  const mirrored = commonSubsequence(x.slice().reverse(), y.slice().reverse(), weights)!;
  const early: SubsequenceMatch = {
    length: mirrored.length,
    weight: mirrored.weight,
    xFirst: x.length - 1 - mirrored.xLast,
    xLast: x.length - 1 - mirrored.xFirst,
    yFirst: y.length - 1 - mirrored.yLast,
    yLast: y.length - 1 - mirrored.yFirst,
  };
  return early.yLast - early.yFirst < late.yLast - late.yFirst ? early : late;
}

/** The table commonSubsequence fills, reused from one call to the next (a new one for each was a share of the garbage). */
let scratch = new Float64Array(0);

/** Heaviest common subsequence of x and y with where it starts and ends in each (matches taken as late as possible). */
function commonSubsequence(x: Int32Array, y: Int32Array, weights: Float64Array): SubsequenceMatch | null {
  const w = y.length + 1;
  const cells = (x.length + 1) * w;
  if (scratch.length < cells) scratch = new Float64Array(Math.max(cells, scratch.length * 2));
  const table = scratch;
  // Only row 0 and column 0 are read before being written: zeroed here, the rest written below.
  table.fill(0, 0, w);
  for (let i = 1; i <= x.length; i++) table[i * w] = 0;
  for (let i = 1; i <= x.length; i++) {
    const stem = x[i - 1]!;
    const gain = weights[stem]!;
    for (let j = 1; j <= y.length; j++) {
      const skip = Math.max(table[(i - 1) * w + j]!, table[i * w + j - 1]!);
      table[i * w + j] = stem === y[j - 1] ? Math.max(skip, table[(i - 1) * w + j - 1]! + gain) : skip;
    }
  }
  const weight = table[x.length * w + y.length]!;
  if (weight === 0) return null;
  let i = x.length;
  let j = y.length;
  let length = 0;
  let xFirst = 0;
  let xLast = -1;
  let yFirst = 0;
  let yLast = -1;
  while (i > 0 && j > 0) {
    if (x[i - 1] === y[j - 1] && table[i * w + j] === table[(i - 1) * w + j - 1]! + weights[x[i - 1]!]!) {
      if (xLast < 0) {
        xLast = i - 1;
        yLast = j - 1;
      }
      xFirst = i - 1;
      yFirst = j - 1;
      length++;
      i--;
      j--;
    } else if (table[(i - 1) * w + j]! >= table[i * w + j - 1]!) {
      i--;
    } else {
      j--;
    }
  }
  return { length, weight, xFirst, xLast, yFirst, yLast };
}
