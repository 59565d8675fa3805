/**
 * Clusters pairwise passages into groups that follow one passage across
 * articles. Both sides of a pair are in the same group; two passages of the
 * same article are in the same group when they overlap by at least
 * `minOverlap` of the shorter one (union-find). In a group, an article's
 * overlapping passages merge into one; separate ones stay separate.
 */
import type { PassagePair } from './findSharedPassages';

/** Words [start, end) of article `doc`. */
export interface WordSpan {
  doc: number;
  start: number;
  end: number;
}

export function groupPassages(pairs: readonly PassagePair[], minOverlap = 0.5): WordSpan[][] {
  // Span 2k is pair k's side in article a, span 2k + 1 its side in b (typed arrays: 1.8 million spans
  // at 100,000 articles, issue 20).
  const count = pairs.length * 2;
  const spanDoc = new Int32Array(count);
  const spanStart = new Int32Array(count);
  const spanEnd = new Int32Array(count);
  let docs = 0;
  pairs.forEach((p, k) => {
    spanDoc[2 * k] = p.a;
    spanStart[2 * k] = p.aStart;
    spanEnd[2 * k] = p.aEnd;
    spanDoc[2 * k + 1] = p.b;
    spanStart[2 * k + 1] = p.bStart;
    spanEnd[2 * k + 1] = p.bEnd;
    docs = Math.max(docs, p.a + 1, p.b + 1);
  });
  const parent = new Int32Array(count);
  for (let k = 0; k < parent.length; k++) parent[k] = k;
  const find = (k: number): number => {
    while (parent[k] !== k) {
      parent[k] = parent[parent[k]!]!;
      k = parent[k]!;
    }
    return k;
  };
  const union = (x: number, y: number): void => {
    const rx = find(x);
    const ry = find(y);
    if (rx !== ry) parent[Math.max(rx, ry)] = Math.min(rx, ry);
  };
  for (let k = 0; k < count; k += 2) union(k, k + 1);

  // Spans in order of article (a counting sort), then start, longest first, then as given.
  const docStart = new Int32Array(docs + 1);
  for (let k = 0; k < count; k++) docStart[spanDoc[k]! + 1]!++;
  for (let d = 0; d < docs; d++) docStart[d + 1]! += docStart[d]!;
  const order = new Int32Array(count);
  const fill = docStart.slice(0, docs);
  for (let k = 0; k < count; k++) order[fill[spanDoc[k]!]!++] = k;
  const byPlace = (x: number, y: number): number => spanStart[x]! - spanStart[y]! || spanEnd[y]! - spanEnd[x]! || x - y;
  for (let d = 0; d < docs; d++) if (docStart[d + 1]! - docStart[d]! > 1) order.subarray(docStart[d]!, docStart[d + 1]!).sort(byPlace);

  // Per article, sweep its spans in order and join those that overlap enough.
  const active = new Int32Array(count);
  for (let d = 0; d < docs; d++) {
    let actives = 0;
    for (let o = docStart[d]!; o < docStart[d + 1]!; o++) {
      const k = order[o]!;
      const start = spanStart[k]!;
      const end = spanEnd[k]!;
      let still = 0;
      for (let i = 0; i < actives; i++) {
        const a = active[i]!;
        if (spanEnd[a]! <= start) continue;
        active[still++] = a;
        const overlap = Math.min(spanEnd[a]!, end) - start;
        if (overlap >= minOverlap * Math.min(spanEnd[a]! - spanStart[a]!, end - start)) union(a, k);
      }
      actives = still;
      active[actives++] = k;
    }
  }

  // Groups numbered in order of their first span (in the order above), their spans in that order.
  const groupOfRoot = new Int32Array(count).fill(-1);
  const groupOf = new Int32Array(count);
  let groupCount = 0;
  for (let o = 0; o < count; o++) {
    const root = find(order[o]!);
    if (groupOfRoot[root] === -1) groupOfRoot[root] = groupCount++;
    groupOf[o] = groupOfRoot[root]!;
  }
  const memberStart = new Int32Array(groupCount + 1);
  for (let o = 0; o < count; o++) memberStart[groupOf[o]! + 1]!++;
  for (let g = 0; g < groupCount; g++) memberStart[g + 1]! += memberStart[g]!;
  const members = new Int32Array(count);
  const next = memberStart.slice(0, groupCount);
  for (let o = 0; o < count; o++) members[next[groupOf[o]!]!++] = order[o]!;

  const groups: WordSpan[][] = [];
  for (let g = 0; g < groupCount; g++) {
    // members are in (doc, start) order: merge overlapping spans of one article.
    const merged: WordSpan[] = [];
    for (let m = memberStart[g]!; m < memberStart[g + 1]!; m++) {
      const k = members[m]!;
      const last = merged[merged.length - 1];
      if (last && last.doc === spanDoc[k] && spanStart[k]! < last.end) last.end = Math.max(last.end, spanEnd[k]!);
      else merged.push({ doc: spanDoc[k]!, start: spanStart[k]!, end: spanEnd[k]! });
    }
    if (merged[0]!.doc !== merged[merged.length - 1]!.doc) groups.push(merged);
  }
  return groups.sort((x, y) => x[0]!.doc - y[0]!.doc || x[0]!.start - y[0]!.start || y.length - x.length);
}
