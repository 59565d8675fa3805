import { describe, expect, it } from 'vitest';
import { fromCodePointOffset, toCodePointOffset } from './codePointOffsets';

describe('code point offsets', () => {
  const text = 'A 🎉 party 😀 ends.';
  it('counts a character outside the BMP once, where a JavaScript index counts it twice', () => {
    const utf16 = text.indexOf('party');
    expect(utf16).toBe(5);
    expect(toCodePointOffset(text, utf16)).toBe(4);
    expect(fromCodePointOffset(text, 4)).toBe(5);
  });
  it('round-trips every offset that does not split a character', () => {
    for (let i = 0; i <= text.length; i++) {
      if (i > 0 && /[\ud800-\udbff]/.test(text[i - 1]!)) continue;
      expect(fromCodePointOffset(text, toCodePointOffset(text, i))).toBe(i);
    }
  });
});
