/**
 * W3C TextQuoteSelector computation over an article's canonical text.
 */
import { narrowToCharacters } from './surrogatePairs';
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Characters of context kept either side of the quoted text. */
export const QUOTE_CONTEXT = 32;

export function quoteSelector(
  text: string,
  start: number,
  end: number,
  context: number = QUOTE_CONTEXT,
): TextQuote {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`range ${start}–${end} is not inside a text of length ${text.length}`);
  }
  // The context stops at whole characters, so it never begins or ends with half an emoji.
  const around = narrowToCharacters(text, Math.max(0, start - context), Math.min(text.length, end + context));
  return {
    exact: text.slice(start, end),
    prefix: text.slice(around.start, start),
    suffix: text.slice(end, around.end),
  };
}

/**
 * Shrinks a range so it neither starts nor ends on white space. Returns null
 * when nothing but white space was selected (no annotation should be made).
 */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return s < e ? { start: s, end: e } : null;
}
