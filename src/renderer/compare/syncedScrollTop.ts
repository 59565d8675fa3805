/**
 * Synchronised scrolling in side by side (issue 18): where another column
 * should be scrolled to so that the passages both columns share sit level
 * with each other. Each column gives its anchors — a shared passage's key
 * and the y of its first line inside the column's scrolling content. The
 * driving column's focal line (a y inside its content) is mapped onto the
 * other column piecewise-linearly between the shared anchors that come in
 * the same order in both (the top of the text is an anchor too), and with
 * slope 1 beyond the last one: so a shared passage on the focal line is
 * level in both columns, and between passages both columns move at a rate
 * that brings the next pair level together. With a selected passage both
 * columns have, the other column keeps that one level instead, wherever it
 * is (a plain offset: the two move by the same amount). Pure.
 */
export interface ScrollAnchor {
  key: string;
  y: number;
}

/** Anchors present in both columns, in the driving column's order, keeping only those in the same order in the other (longest run). */
export function matchedAnchors(source: readonly ScrollAnchor[], target: readonly ScrollAnchor[]): [number, number][] {
  const targetY = new Map<string, number>();
  for (const a of target) if (!targetY.has(a.key)) targetY.set(a.key, a.y);
  const seen = new Set<string>();
  const pairs: [number, number][] = [];
  for (const a of [...source].sort((x, y) => x.y - y.y)) {
    const t = targetY.get(a.key);
    if (t === undefined || seen.has(a.key)) continue;
    seen.add(a.key);
    pairs.push([a.y, t]);
  }
  // Longest chain increasing in both columns (quadratic; a view has tens of passages).
  const best = pairs.map(() => 1);
  const prev = pairs.map(() => -1);
  for (let i = 0; i < pairs.length; i++)
    for (let j = 0; j < i; j++)
      if (pairs[j]![0] < pairs[i]![0] && pairs[j]![1] < pairs[i]![1] && best[j]! + 1 > best[i]!) {
        best[i] = best[j]! + 1;
        prev[i] = j;
      }
  let end = -1;
  for (let i = 0; i < pairs.length; i++) if (end < 0 || best[i]! > best[end]!) end = i;
  const chain: [number, number][] = [];
  for (let i = end; i >= 0; i = prev[i]!) chain.unshift(pairs[i]!);
  return chain;
}

/** The y in the other column's content that corresponds to `focalY` in the driving column's. */
export function mapFocalY(focalY: number, pairs: readonly [number, number][]): number {
  const points: [number, number][] = [[0, 0], ...pairs.filter(([s, t]) => s > 0 && t > 0)];
  let i = 0;
  while (i + 1 < points.length && points[i + 1]![0] <= focalY) i++;
  const [s0, t0] = points[i]!;
  const next = points[i + 1];
  if (!next || focalY < s0) return t0 + (focalY - s0);
  const [s1, t1] = next;
  return t0 + ((focalY - s0) * (t1 - t0)) / (s1 - s0);
}

/**
 * The other column's scrollTop: its content point matching the driving
 * column's focal line goes to the same height in the window. `focalOffset`
 * is the focal line's distance below the top of the driving column's box,
 * `topDelta` how much lower the other column's box starts than the driving
 * one's (0 when the boxes are level).
 */
export function syncedScrollTop(
  driver: { anchors: readonly ScrollAnchor[]; scrollTop: number; focalOffset: number; alignKey?: string | null },
  other: { anchors: readonly ScrollAnchor[]; topDelta?: number },
): number {
  const key = driver.alignKey;
  const mine = key ? driver.anchors.find((a) => a.key === key) : undefined;
  const theirs = key ? other.anchors.find((a) => a.key === key) : undefined;
  if (mine && theirs) return Math.max(0, driver.scrollTop + theirs.y - mine.y + (other.topDelta ?? 0));
  const focalY = driver.scrollTop + driver.focalOffset;
  const mapped = mapFocalY(focalY, matchedAnchors(driver.anchors, other.anchors));
  return Math.max(0, mapped - driver.focalOffset + (other.topDelta ?? 0));
}
