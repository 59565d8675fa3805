/**
 * Re-anchors an annotation's selectors in a text: the position when it still
 * holds the quoted text; otherwise the occurrence of the quoted text whose
 * surroundings best match the selector's prefix and suffix, the one nearest
 * to the old position breaking ties. Null when the text does not hold the
 * quote (or neither selector can be used).
 */
export interface QuoteHint {
  exact: string | null;
  prefix?: string | null;
  suffix?: string | null;
  position: { start: number; end: number } | null;
}

export interface AnchoredRange {
  start: number;
  end: number;
}

/** Occurrences looked at before giving up on disambiguating (a one-letter quote in a long text). */
const MAX_OCCURRENCES = 10_000;

export function anchorQuote(text: string, hint: QuoteHint): AnchoredRange | null {
  const { exact, position } = hint;
  const positionFits = position !== null && position.start < position.end && position.end <= text.length;
  if (positionFits && (exact === null || text.slice(position.start, position.end) === exact)) {
    return { start: position.start, end: position.end };
  }
  if (!exact) return null;

  let best: { start: number; score: number; distance: number } | null = null;
  let found = 0;
  for (let at = text.indexOf(exact); at !== -1 && found < MAX_OCCURRENCES; at = text.indexOf(exact, at + 1), found++) {
    const score =
      commonSuffixLength(text.slice(Math.max(0, at - (hint.prefix?.length ?? 0)), at), hint.prefix ?? '') +
      commonPrefixLength(text.slice(at + exact.length, at + exact.length + (hint.suffix?.length ?? 0)), hint.suffix ?? '');
    const distance = position ? Math.abs(at - position.start) : at;
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { start: at, score, distance };
  }
  return best ? { start: best.start, end: best.start + exact.length } : null;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
