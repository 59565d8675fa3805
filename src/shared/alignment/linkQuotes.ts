/**
 * Links quotes that render the same words differently: a fragment ("never
 * have I been so ashamed of my country") inside a longer quote, or a
 * translation ("I have never felt so ashamed of my country before February
 * 24"). Too few words are shared for findSharedPassages; here a quote is
 * compared, by its content words only, with the quotes of other articles.
 *
 * Content words are weighted by how rare they are (`stemWeights`, see
 * alignPassages), so that a link has to cover the informative words of a
 * quote, not just the words every article on the topic uses.
 *
 * A shorter quote x matches a longer quote y through the common subsequence
 * of their content stems (contentStem) with the most weight. They match when
 * it has at least `minShared` words, at least `minSimilarity` of x's weight,
 * and the matched words of y are dense (at least half of y's content words
 * between the first and last match), so a few words scattered over a long
 * quote do not count. Each quote links to its best match in each other
 * article; the link covers the matched stretch of each quote (the whole quote
 * when that is two thirds of it).
 *
 * Candidates come from an inverted index keyed by ordered pairs of content
 * stems at most KEY_WINDOW apart ("ashamed … country"): two quotes that share
 * three or more content words in order, densely, share such a pair, while a
 * pair is far rarer than a single word, so posting lists stay short as the
 * corpus grows. A quote looks up its rarest pairs first, within a fixed budget
 * (MAX_VISITS, MAX_CANDIDATES), which keeps the pass linear in the number of
 * quotes; candidates are checked by a cheap count of shared words before the
 * subsequence is computed.
 */
import type { PassagePair } from './findSharedPassages';
import { createPairNumbers } from './pairNumbers';

/** A quote: words [start, end) of article `doc`. */
export interface QuoteWords {
  doc: number;
  start: number;
  end: number;
}

export interface LinkQuotesOptions {
  /** Fewest content words two linked quotes share. */
  minShared: number;
  /** Least weight of the shared content words, as a share of the shorter quote's. */
  minSimilarity: number;
  /** A key (pair of stems) in more quotes than this is not used to find candidates. */
  maxPostings: number;
}

/** Quotes longer than this (in content words) are left to findSharedPassages. */
const MAX_CONTENT_WORDS = 200;
/**
 * Most candidates one quote is compared with. Candidates come rarest stem
 * first, so the best evidence is looked at first; the cap keeps the pass
 * linear in the number of quotes however common the words get.
 */
const MAX_CANDIDATES = 128;
/** Most index entries one quote looks at while gathering candidates (same reason). */
const MAX_VISITS = 512;
/** Index keys pair each content stem with the next KEY_WINDOW ones. */
const KEY_WINDOW = 3;

/**
 * `stemOf[id]` is the stem number of vocabulary word `id`, or -1 for a
 * function word; `stemWeights[stem]` is the weight of a stem (> 0).
 *
 * The quotes compared (units: those with minShared to MAX_CONTENT_WORDS content words) are kept side by
 * side in flat typed arrays (165,000 of them at 100,000 articles, issue 20): unit u's stems are
 * unitStems[stemStart[u], stemStart[u + 1]), its index keys unitKeys[keyStart[u], keyStart[u + 1]).
 */
export function linkQuotes(
  docs: readonly Int32Array[],
  quotes: readonly QuoteWords[],
  stemOf: Int32Array,
  stemWeights: Float64Array,
  options: LinkQuotesOptions,
): PassagePair[] {
  const stems = stemWeights.length;
  let words = 0;
  for (const q of quotes) words += Math.max(0, q.end - q.start);
  // Per unit: its article and words, where its stems and keys start, the sum of its stems' weights.
  const unitDoc = new Int32Array(quotes.length);
  const unitStart = new Int32Array(quotes.length);
  const unitEnd = new Int32Array(quotes.length);
  const unitWeight = new Float64Array(quotes.length);
  const stemStart = new Int32Array(quotes.length + 1);
  const keyStart = new Int32Array(quotes.length + 1);
  /** Content stems of each unit in order, and the word index each came from. */
  const unitStems = new Int32Array(words);
  const unitWords = new Int32Array(words);
  /** Index keys (numbered pairs of nearby stems) of each unit, each once. */
  let unitKeys = new Int32Array(Math.max(16, words));
  const keyIds = createPairNumbers();
  /** The last unit each key was listed for (a key is listed once a unit). */
  let keyListedFor = new Int32Array(1024).fill(-1);
  let units = 0;
  let stemsUsed = 0;
  let keysUsed = 0;
  for (const q of quotes) {
    const ids = docs[q.doc]!;
    const from = stemsUsed;
    let to = from;
    for (let k = q.start; k < q.end; k++) {
      const stem = stemOf[ids[k]!]!;
      if (stem >= 0) {
        unitStems[to] = stem;
        unitWords[to++] = k;
      }
    }
    const count = to - from;
    if (count < options.minShared || count > MAX_CONTENT_WORDS) continue;
    let weight = 0;
    for (let k = from; k < to; k++) weight += stemWeights[unitStems[k]!]!;
    const u = units++;
    for (let i = from; i < to; i++) {
      for (let d = 1; d <= KEY_WINDOW && i + d < to; d++) {
        const key = keyIds.number(unitStems[i]!, unitStems[i + d]!);
        if (key >= keyListedFor.length) {
          const more = new Int32Array(keyListedFor.length * 2).fill(-1);
          more.set(keyListedFor);
          keyListedFor = more;
        }
        if (keyListedFor[key] === u) continue;
        keyListedFor[key] = u;
        if (keysUsed === unitKeys.length) {
          const more = new Int32Array(unitKeys.length * 2);
          more.set(unitKeys);
          unitKeys = more;
        }
        unitKeys[keysUsed++] = key;
      }
    }
    unitDoc[u] = q.doc;
    unitStart[u] = q.start;
    unitEnd[u] = q.end;
    unitWeight[u] = weight;
    stemsUsed = to;
    stemStart[u + 1] = stemsUsed;
    keyStart[u + 1] = keysUsed;
  }

  // Inverted index, key → units holding it (counting sort).
  const keyCount = keyIds.size;
  const df = new Int32Array(keyCount);
  for (let k = 0; k < keysUsed; k++) df[unitKeys[k]!]!++;
  const postingStart = new Int32Array(keyCount + 1);
  for (let key = 0; key < keyCount; key++) postingStart[key + 1] = postingStart[key]! + df[key]!;
  const postings = new Int32Array(postingStart[keyCount]!);
  const fill = postingStart.slice(0, keyCount);
  for (let u = 0; u < units; u++) for (let k = keyStart[u]!; k < keyStart[u + 1]!; k++) postings[fill[unitKeys[k]!]!++] = u;

  const unitLength = (u: number): number => stemStart[u + 1]! - stemStart[u]!;
  // Shorter quotes probe longer ones (ties: the later one), so each pair is looked at once.
  const probes = (x: number, y: number): boolean => unitLength(x) < unitLength(y) || (unitLength(x) === unitLength(y) && x < y);

  const links: PassagePair[] = [];
  const seen = new Int32Array(units).fill(-1);
  /** How often each stem occurs in the probing quote (reset after each). */
  const inX = new Int32Array(stems);
  const left = new Int32Array(stems);
  /**
   * Whether y shares `needed` words with x, counted with repeats (an upper bound of the common
   * subsequence).
   */
  const sharesEnough = (y: number, needed: number): boolean => {
    const from = stemStart[y]!;
    const to = stemStart[y + 1]!;
    let shared = 0;
    let k = from;
    // Stops as soon as it does, or as soon as the stems left could no longer make up the difference.
    for (; k < to && shared < needed && shared + to - k >= needed; k++) {
      const stem = unitStems[k]!;
      if (left[stem]! > 0) {
        left[stem]!--;
        shared++;
      }
    }
    for (let r = from; r < k; r++) left[unitStems[r]!] = inX[unitStems[r]!]!;
    return shared >= needed;
  };
  /** Keys of the probing quote, rarest first (then by number): df * keyCount + key, sorted. */
  let rarest = new Float64Array(64);
  for (let xi = 0; xi < units; xi++) {
    const xFrom = stemStart[xi]!;
    const xTo = stemStart[xi + 1]!;
    const xStems = unitStems.subarray(xFrom, xTo);
    const xDoc = unitDoc[xi]!;
    for (let k = xFrom; k < xTo; k++) inX[unitStems[k]!]!++;
    for (let k = xFrom; k < xTo; k++) left[unitStems[k]!] = inX[unitStems[k]!]!;
    const needed = Math.max(options.minShared, Math.ceil(options.minSimilarity * (xTo - xFrom)));
    const keys = keyStart[xi + 1]! - keyStart[xi]!;
    if (rarest.length < keys) rarest = new Float64Array(keys * 2);
    for (let k = 0; k < keys; k++) {
      const key = unitKeys[keyStart[xi]! + k]!;
      rarest[k] = df[key]! * keyCount + key;
    }
    const order = rarest.subarray(0, keys).sort();
    const best = new Map<number, { y: number; match: SubsequenceMatch }>();
    let candidates = 0;
    let visits = 0;
    for (let r = 0; r < keys; r++) {
      const key = order[r]! % keyCount;
      if (df[key]! > options.maxPostings) continue;
      const end = Math.min(postingStart[key + 1]!, postingStart[key]! + MAX_VISITS - visits);
      if (end <= postingStart[key]!) break;
      visits += end - postingStart[key]!;
      for (let k = postingStart[key]!; k < end && candidates < MAX_CANDIDATES; k++) {
        const yi = postings[k]!;
        if (seen[yi] === xi || unitDoc[yi] === xDoc || !probes(xi, yi)) continue;
        seen[yi] = xi;
        candidates++;
        if (!sharesEnough(yi, needed)) continue;
        const match = tightestCommonSubsequence(xStems, unitStems.subarray(stemStart[yi]!, stemStart[yi + 1]!), stemWeights);
        if (!match || !accepts(match, unitWeight[xi]!, options)) continue;
        const yDoc = unitDoc[yi]!;
        const current = best.get(yDoc);
        if (!current || better(match, current.match)) best.set(yDoc, { y: yi, match });
      }
    }
    for (let k = xFrom; k < xTo; k++) {
      inX[unitStems[k]!] = 0;
      left[unitStems[k]!] = 0;
    }
    for (const { y: yi, match } of best.values()) {
      const [aStart, aEnd] = linkedWords(xi, match.xFirst, match.xLast);
      const [bStart, bEnd] = linkedWords(yi, match.yFirst, match.yLast);
      links.push({ a: xDoc, aStart, aEnd, b: unitDoc[yi]!, bStart, bEnd });
    }
  }
  return links;

  /** The matched stretch of a quote in words; the whole quote when the match covers most of it. */
  function linkedWords(u: number, first: number, last: number): [number, number] {
    if ((last - first + 1) * 3 >= unitLength(u) * 2) return [unitStart[u]!, unitEnd[u]!];
    return [unitWords[stemStart[u]! + first]!, unitWords[stemStart[u]! + last]! + 1];
  }
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
