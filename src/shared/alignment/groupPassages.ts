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
  const spans: WordSpan[] = [];
  for (const p of pairs) {
    spans.push({ doc: p.a, start: p.aStart, end: p.aEnd }, { doc: p.b, start: p.bStart, end: p.bEnd });
  }
  const parent = new Int32Array(spans.length);
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
  for (let k = 0; k < spans.length; k += 2) union(k, k + 1);

  // Per article, sweep its spans in order and join those that overlap enough.
  const order = spans.map((_, k) => k).sort((x, y) => spans[x]!.doc - spans[y]!.doc || spans[x]!.start - spans[y]!.start || spans[y]!.end - spans[x]!.end);
  let active: number[] = [];
  for (let o = 0; o < order.length; o++) {
    const k = order[o]!;
    const span = spans[k]!;
    if (o > 0 && spans[order[o - 1]!]!.doc !== span.doc) active = [];
    active = active.filter((a) => spans[a]!.end > span.start);
    for (const a of active) {
      const other = spans[a]!;
      const overlap = Math.min(other.end, span.end) - span.start;
      if (overlap >= minOverlap * Math.min(other.end - other.start, span.end - span.start)) union(a, k);
    }
    active.push(k);
  }

  const byRoot = new Map<number, number[]>();
  for (const k of order) {
    const root = find(k);
    let members = byRoot.get(root);
    if (!members) byRoot.set(root, (members = []));
    members.push(k);
  }

  const groups: WordSpan[][] = [];
  for (const members of byRoot.values()) {
    // members are in (doc, start) order: merge overlapping spans of one article.
    const merged: WordSpan[] = [];
    for (const k of members) {
      const span = spans[k]!;
      const last = merged[merged.length - 1];
      if (last && last.doc === span.doc && span.start < last.end) last.end = Math.max(last.end, span.end);
      else merged.push({ ...span });
    }
    if (new Set(merged.map((m) => m.doc)).size >= 2) groups.push(merged);
  }
  return groups.sort((x, y) => x[0]!.doc - y[0]!.doc || x[0]!.start - y[0]!.start || y.length - x.length);
}
