import { describe, expect, it } from 'vitest';
import { cutText, partsOf, rememberParts, textParts } from './textParts';

const wellFormed = (text: string): boolean => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('cutText', () => {
  it('never cuts between the halves of a surrogate pair, and loses nothing', () => {
    const text = 'ab😀cd😀😀e';
    for (let size = 2; size <= 6; size++) {
      const parts = cutText(text, size);
      expect(parts.join('')).toBe(text);
      for (const part of parts) {
        expect(part.length).toBeLessThanOrEqual(size);
        expect(wellFormed(part)).toBe(true);
      }
    }
    expect(cutText('')).toEqual([]);
  });
});

describe('textParts', () => {
  it('gives back the parts a text was joined from, and cuts any other', () => {
    const parts = ['abc', 'def', 'g'];
    const joined = parts.reduce((whole, part) => whole + part, '');
    rememberParts(joined, parts);
    expect(textParts(joined, 2)).toBe(parts);
    // Handed out once: asked again, the text is cut.
    expect(partsOf(joined)).toBeNull();
    expect(textParts(joined, 2)).toEqual(['ab', 'cd', 'ef', 'g']);
    expect(textParts('abcdefgh', 3)).toEqual(['abc', 'def', 'gh']);
    expect(partsOf('abcdefgh')).toBeNull();
  });
});
