import { describe, expect, it } from 'vitest';
import { paragraphNumber, paragraphStarts } from './paragraphStarts';

describe('paragraphStarts / paragraphNumber', () => {
  const text = 'Title line\n\nFirst paragraph.\n   \nSecond paragraph.';

  it('counts only non-blank lines as paragraphs', () => {
    expect(paragraphStarts(text)).toEqual([0, 12, 33]);
  });

  it('numbers offsets by the paragraph holding them, from 1', () => {
    const starts = paragraphStarts(text);
    expect(paragraphNumber(starts, 0)).toBe(1);
    expect(paragraphNumber(starts, text.indexOf('First'))).toBe(2);
    expect(paragraphNumber(starts, text.indexOf('paragraph.'))).toBe(2);
    expect(paragraphNumber(starts, text.indexOf('Second') + 3)).toBe(3);
  });

  it('puts leading blank lines before paragraph 1', () => {
    const starts = paragraphStarts('\n\nOnly one.');
    expect(starts).toEqual([2]);
    expect(paragraphNumber(starts, 0)).toBe(1);
    expect(paragraphNumber(starts, 5)).toBe(1);
  });
});
