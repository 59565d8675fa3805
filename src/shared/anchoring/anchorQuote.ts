/**
 * Re-anchors an annotation's selectors in a text: the position when it still
 * holds the quoted text; otherwise the occurrence of the quoted text whose
 * surroundings best match the selector's prefix and suffix, the one nearest
 * to the old position breaking ties. When the text does not hold the quote
 * exactly (another tool's copy differs by a typo, a dash, a re-typed quote
 * mark), the closest approximate match is taken, with at most one edit per
 * ten characters of the quote (approx-string-match, the matcher Hypothesis
 * uses); fewer edits win, then prefix and suffix, then nearness. Null when
 * nothing is close enough (or neither selector can be used).
 */
import search from 'approx-string-match';

export interface QuoteHint {
  exact: string | null;
  prefix?: string | null;
  suffix?: string | null;
  position: { start: number; end: number } | null;
}

export interface AnchoredRange {
  start: number;
  end: number;
  /** Edits between the quote and the text found: 0 for an exact match. */
  errors: number;
}

/** At most this share of the quote's length may differ in an approximate match. */
export const MAX_ERROR_RATE = 0.1;

/** Occurrences looked at before giving up on disambiguating (a one-letter quote in a long text). */
const MAX_OCCURRENCES = 10_000;

export function anchorQuote(text: string, hint: QuoteHint): AnchoredRange | null {
  const { exact, position } = hint;
  const positionFits = position !== null && position.start < position.end && position.end <= text.length;
  if (positionFits && (exact === null || text.slice(position.start, position.end) === exact)) {
    return { start: position.start, end: position.end, errors: 0 };
  }
  if (!exact) return null;
  return exactMatch(text, exact, hint) ?? approximateMatch(text, exact, hint);
}

function exactMatch(text: string, exact: string, hint: QuoteHint): AnchoredRange | null {
  const { position } = hint;
  let best: { start: number; score: number; distance: number } | null = null;
  let found = 0;
  for (let at = text.indexOf(exact); at !== -1 && found < MAX_OCCURRENCES; at = text.indexOf(exact, at + 1), found++) {
    const score = contextScore(text, at, at + exact.length, hint);
    const distance = position ? Math.abs(at - position.start) : at;
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { start: at, score, distance };
  }
  return best ? { start: best.start, end: best.start + exact.length, errors: 0 } : null;
}

function approximateMatch(text: string, exact: string, hint: QuoteHint): AnchoredRange | null {
  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
  if (maxErrors === 0) return null;
  let best: (AnchoredRange & { score: number; distance: number }) | null = null;
  for (const match of search(text, exact, maxErrors)) {
    if (match.end <= match.start) continue;
    const score = contextScore(text, match.start, match.end, hint);
    const distance = hint.position ? Math.abs(match.start - hint.position.start) : match.start;
    if (
      !best ||
      match.errors < best.errors ||
      (match.errors === best.errors && (score > best.score || (score === best.score && distance < best.distance)))
    ) {
      best = { start: match.start, end: match.end, errors: match.errors, score, distance };
    }
  }
  return best ? { start: best.start, end: best.end, errors: best.errors } : null;
}

/** How many characters of the prefix and suffix agree with the text either side of start–end. */
function contextScore(text: string, start: number, end: number, hint: QuoteHint): number {
  const prefix = hint.prefix ?? '';
  const suffix = hint.suffix ?? '';
  return (
    commonSuffixLength(text.slice(Math.max(0, start - prefix.length), start), prefix) +
    commonPrefixLength(text.slice(end, end + suffix.length), suffix)
  );
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
