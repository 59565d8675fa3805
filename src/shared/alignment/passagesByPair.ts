/**
 * The passages found so far for each pair of articles, while findSharedPassages
 * grows its seeds: millions of seeds at 100,000 articles, nearly all of them
 * inside a passage already found for their pair (issue 20). Pairs are numbered
 * in the order they are first asked for (pairNumbers); passages are kept in
 * typed arrays (no object a passage), each pair's in the order added.
 */
import { createPairNumbers } from './pairNumbers';

export interface PassagesByPair {
  /** The number of the pair (a, b), a new one when it is asked for the first time. */
  pair(a: number, b: number): number;
  /** Whether a passage of `pair` already holds words [i, i + n) of a and [j, j + n) of b. */
  covers(pair: number, i: number, j: number, n: number): boolean;
  add(pair: number, aStart: number, aEnd: number, bStart: number, bEnd: number, matched: number): void;
  /** Every passage: pairs in the order they were first asked for, each pair's passages in the order added. */
  forEach(visit: (a: number, aStart: number, aEnd: number, b: number, bStart: number, bEnd: number, matched: number) => void): void;
}

const INITIAL = 1 << 10;

export function createPassagesByPair(): PassagesByPair {
  const pairs = createPairNumbers();
  /** Per pair: its first and last passage (-1: none yet). */
  let first = new Int32Array(INITIAL).fill(-1);
  let last = new Int32Array(INITIAL).fill(-1);
  // Per passage: its words in each article, words matched, the pair's next passage (-1: none).
  let passages = 0;
  let aStarts = new Int32Array(INITIAL);
  let aEnds = new Int32Array(INITIAL);
  let bStarts = new Int32Array(INITIAL);
  let bEnds = new Int32Array(INITIAL);
  let matches = new Int32Array(INITIAL);
  let next = new Int32Array(INITIAL);

  return {
    pair(a, b) {
      const pair = pairs.number(a, b);
      if (pair === first.length) {
        first = larger(first, -1);
        last = larger(last, -1);
      }
      return pair;
    },
    covers(pair, i, j, n) {
      for (let p = first[pair]!; p !== -1; p = next[p]!) {
        if (aStarts[p]! <= i && i + n <= aEnds[p]! && bStarts[p]! <= j && j + n <= bEnds[p]!) return true;
      }
      return false;
    },
    add(pair, aStart, aEnd, bStart, bEnd, matched) {
      const p = passages++;
      if (p === aStarts.length) {
        aStarts = larger(aStarts);
        aEnds = larger(aEnds);
        bStarts = larger(bStarts);
        bEnds = larger(bEnds);
        matches = larger(matches);
        next = larger(next);
      }
      aStarts[p] = aStart;
      aEnds[p] = aEnd;
      bStarts[p] = bStart;
      bEnds[p] = bEnd;
      matches[p] = matched;
      next[p] = -1;
      if (last[pair] === -1) first[pair] = p;
      else next[last[pair]!] = p;
      last[pair] = p;
    },
    forEach(visit) {
      for (let pair = 0; pair < pairs.size; pair++) {
        const a = pairs.first(pair);
        const b = pairs.second(pair);
        for (let p = first[pair]!; p !== -1; p = next[p]!) visit(a, aStarts[p]!, aEnds[p]!, b, bStarts[p]!, bEnds[p]!, matches[p]!);
      }
    },
  };
}

function larger(values: Int32Array<ArrayBuffer>, fill = 0): Int32Array<ArrayBuffer> {
  const more = new Int32Array(values.length * 2);
  if (fill !== 0) more.fill(fill, values.length);
  more.set(values);
  return more;
}
