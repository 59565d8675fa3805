/**
 * Moves an article's annotations onto a new version of its text, as the W3C
 * import anchors another tool's annotations: where the old offsets still hold
 * the quoted text, they stay; else the quote is looked for exactly, then
 * approximately, the prefix, suffix and old position choosing between
 * occurrences (anchorQuote). An annotation found again gets its new offsets and
 * selectors; one that is not is returned apart, to be kept with the version
 * it belongs to (never dropped).
 */
import type { Annotation } from '../model/model';
import { anchorQuote } from './anchorQuote';
import { quoteSelector, trimRange } from './quoteSelector';
import { widenToCharacters } from './surrogatePairs';

export interface Reanchored {
  /** The annotations found in the new text, with offsets and selectors over it. */
  anchored: Annotation[];
  /** How many of `anchored` were found only approximately (their quoted text was reworded slightly). */
  approximate: number;
  /** The annotations the new text no longer holds, as they were. */
  unanchored: Annotation[];
}

export function reanchorAnnotations(newText: string, annotations: readonly Annotation[]): Reanchored {
  const result: Reanchored = { anchored: [], approximate: 0, unanchored: [] };
  for (const annotation of annotations) {
    const found = anchorQuote(newText, {
      exact: annotation.exact,
      prefix: annotation.prefix,
      suffix: annotation.suffix,
      position: { start: annotation.start, end: annotation.end },
    });
    // An approximate anchor may fall inside an emoji or start on a space: whole characters, trimmed.
    const whole = found ? widenToCharacters(newText, found.start, found.end) : null;
    const range = whole ? trimRange(newText, whole.start, whole.end) : null;
    if (!found || !range) {
      result.unanchored.push(annotation);
      continue;
    }
    if (found.errors > 0) result.approximate++;
    result.anchored.push({ ...annotation, start: range.start, end: range.end, ...quoteSelector(newText, range.start, range.end) });
  }
  return result;
}
