/**
 * Accept as group (issue 18): the annotation already in an article that a
 * shared passage should reuse instead of making a second one — same tag, and
 * overlapping the passage over at least half of the shorter of the two (a
 * Quote tagged by hand over the same words, give or take the quotation marks
 * or the attribution). The one overlapping most wins. Pure.
 */
export interface TaggedRange {
  id: string;
  tagId: string;
  start: number;
  end: number;
}

export function reusableAnnotation<T extends TaggedRange>(annotations: readonly T[], tagId: string, range: { start: number; end: number }): T | null {
  let best: T | null = null;
  let bestOverlap = 0;
  for (const a of annotations) {
    if (a.tagId !== tagId) continue;
    const overlap = Math.min(a.end, range.end) - Math.max(a.start, range.start);
    const shorter = Math.min(a.end - a.start, range.end - range.start);
    if (overlap <= 0 || overlap * 2 < shorter) continue;
    if (overlap > bestOverlap) {
      best = a;
      bestOverlap = overlap;
    }
  }
  return best;
}
