/**
 * Offsets are UTF-16 code units (JavaScript string indexes); a character
 * outside the Basic Multilingual Plane (most emoji, some CJK) takes two of
 * them, a surrogate pair. An offset between the two halves splits the
 * character: the quote then holds half of it, which no encoding can write
 * (UTF-8 exports would put U+FFFD there). These checks find such offsets and
 * move them to a character boundary.
 */

/** Whether `offset` falls between the two halves of a surrogate pair in `text`. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** The range widened to whole characters: a start inside a pair moves back, an end inside one moves on. */
export function widenToCharacters(text: string, start: number, end: number): { start: number; end: number } {
  return {
    start: splitsSurrogatePair(text, start) ? start - 1 : start,
    end: splitsSurrogatePair(text, end) ? end + 1 : end,
  };
}

/** The range narrowed to whole characters: a start inside a pair moves on, an end inside one moves back. */
export function narrowToCharacters(text: string, start: number, end: number): { start: number; end: number } {
  return {
    start: splitsSurrogatePair(text, start) ? start + 1 : start,
    end: splitsSurrogatePair(text, end) ? end - 1 : end,
  };
}
