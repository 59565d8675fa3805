/**
 * Grows a seed match between two word sequences into the longest passage
 * they share, tolerating small differences: where the words stop agreeing,
 * up to `maxGap` words may be skipped on either side (an inserted, deleted or
 * changed word or two) as long as the next `anchor` words agree again.
 * Gaps are tried smallest first, a substitution before an insertion.
 */

export interface MatchExtent {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  /** Words matched exactly (gap words not counted). */
  matched: number;
}

export interface ExtendOptions {
  maxGap: number;
  anchor: number;
}

const gapOrders = new Map<number, [number, number][]>();

/** Every (skip in a, skip in b) up to maxGap each, smallest total first, then the most even. */
function gapOrder(maxGap: number): [number, number][] {
  let order = gapOrders.get(maxGap);
  if (!order) {
    order = [];
    for (let da = 0; da <= maxGap; da++) for (let db = 0; db <= maxGap; db++) if (da + db > 0) order.push([da, db]);
    order.sort((x, y) => x[0] + x[1] - (y[0] + y[1]) || Math.abs(x[0] - x[1]) - Math.abs(y[0] - y[1]) || x[0] - y[0]);
    gapOrders.set(maxGap, order);
  }
  return order;
}

/** `a[i, i + length)` equals `b[j, j + length)`: the seed. */
export function extendMatch(a: Int32Array, b: Int32Array, i: number, j: number, length: number, options: ExtendOptions): MatchExtent {
  const { maxGap, anchor } = options;
  const order = gapOrder(maxGap);
  let matched = length;

  let aEnd = i + length;
  let bEnd = j + length;
  for (;;) {
    while (aEnd < a.length && bEnd < b.length && a[aEnd] === b[bEnd]) {
      aEnd++;
      bEnd++;
      matched++;
    }
    const gap = order.find(([da, db]) => agreesForward(a, b, aEnd + da, bEnd + db, anchor));
    if (!gap) break;
    aEnd += gap[0];
    bEnd += gap[1];
  }

  let aStart = i;
  let bStart = j;
  for (;;) {
    while (aStart > 0 && bStart > 0 && a[aStart - 1] === b[bStart - 1]) {
      aStart--;
      bStart--;
      matched++;
    }
    const gap = order.find(([da, db]) => agreesBackward(a, b, aStart - da, bStart - db, anchor));
    if (!gap) break;
    aStart -= gap[0];
    bStart -= gap[1];
  }
  return { aStart, aEnd, bStart, bEnd, matched };
}

/** a[p, p + n) equals b[q, q + n). */
function agreesForward(a: Int32Array, b: Int32Array, p: number, q: number, n: number): boolean {
  if (p + n > a.length || q + n > b.length) return false;
  for (let k = 0; k < n; k++) if (a[p + k] !== b[q + k]) return false;
  return true;
}

/** a[p - n, p) equals b[q - n, q). */
function agreesBackward(a: Int32Array, b: Int32Array, p: number, q: number, n: number): boolean {
  if (p - n < 0 || q - n < 0) return false;
  for (let k = 1; k <= n; k++) if (a[p - k] !== b[q - k]) return false;
  return true;
}
