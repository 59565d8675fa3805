/**
 * Numbers for pairs of non-negative integers, 0, 1, 2, … in the order the
 * pairs are first asked for: an open-addressing table over typed arrays, for
 * the millions of lookups alignment makes at 100,000 articles (pairs of
 * articles, pairs of quote words; issue 20) — a Map keyed by a * n + b would
 * hash a number beyond 2^31 (a heap number) on every lookup.
 */

export interface PairNumbers {
  /** The number of (a, b): a new one when it is asked for the first time. */
  number(a: number, b: number): number;
  /** The pair numbered `k`. */
  first(k: number): number;
  second(k: number): number;
  /** Pairs numbered so far. */
  readonly size: number;
}

const INITIAL = 1 << 10;

export function createPairNumbers(): PairNumbers {
  let mask = INITIAL * 2 - 1;
  /** Number + 1 in each slot (0: empty); the table is never more than half full. */
  let slots = new Int32Array(mask + 1);
  let firsts = new Int32Array(INITIAL);
  let seconds = new Int32Array(INITIAL);
  let size = 0;

  const slotOf = (a: number, b: number): number => {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x632be5ab, 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    return h & mask;
  };

  const place = (k: number): void => {
    let slot = slotOf(firsts[k]!, seconds[k]!);
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = k + 1;
  };

  return {
    get size() {
      return size;
    },
    first: (k) => firsts[k]!,
    second: (k) => seconds[k]!,
    number(a, b) {
      let slot = slotOf(a, b);
      for (let at = slots[slot]!; at !== 0; at = slots[slot]!) {
        if (firsts[at - 1] === a && seconds[at - 1] === b) return at - 1;
        slot = (slot + 1) & mask;
      }
      const k = size++;
      if (k === firsts.length) {
        firsts = larger(firsts);
        seconds = larger(seconds);
      }
      firsts[k] = a;
      seconds[k] = b;
      if (size * 2 > mask + 1) {
        mask = mask * 2 + 1;
        slots = new Int32Array(mask + 1);
        for (let p = 0; p < size; p++) place(p);
      } else {
        slots[slot] = k + 1;
      }
      return k;
    },
  };
}

function larger(values: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const more = new Int32Array(values.length * 2);
  more.set(values);
  return more;
}
