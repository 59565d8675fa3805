/**
 * Whether two ranges of one text mark the same passage: identical, or
 * overlapping by at least 90% of the longer one (so a suggestion that an
 * annotation already covers, give or take a trimmed quote mark or a word,
 * counts as taken, but a short one inside a long annotation does not).
 */
export interface TextRange {
  start: number;
  end: number;
}

/** Least overlap, as a share of the longer range, for two ranges to coincide. */
export const COINCIDE_SHARE = 0.9;

export function rangesCoincide(a: TextRange, b: TextRange): boolean {
  if (a.start === b.start && a.end === b.end) return true;
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (overlap <= 0) return false;
  return overlap >= COINCIDE_SHARE * Math.max(a.end - a.start, b.end - b.start);
}
