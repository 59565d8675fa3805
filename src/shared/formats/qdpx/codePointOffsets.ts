/**
 * REFI-QDA counts positions in characters; we read that as Unicode code
 * points (how QualCoder, written in Python, counts them). Triangulate's
 * offsets are JavaScript string indices, UTF-16 code units: a character
 * outside the Basic Multilingual Plane (an emoji, some CJK) is one code
 * point but two code units, so every offset after one differs.
 */

/** The code point offset of a UTF-16 offset. */
export function toCodePointOffset(text: string, utf16: number): number {
  let points = 0;
  for (let i = 0; i < utf16 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && i + 1 < utf16) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    points++;
  }
  return points;
}

/** The UTF-16 offset of a code point offset (the text's length when past its end). */
export function fromCodePointOffset(text: string, points: number): number {
  let i = 0;
  for (let n = 0; n < points && i < text.length; n++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff ? 2 : 1;
  }
  return i;
}
