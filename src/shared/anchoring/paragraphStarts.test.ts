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

const ADJUDICATED_TEXT = 'Title line\n\nThe minister resigned on Friday.\n\n\n“We failed,” she said.\nA last line.';

describe('paragraphNumber as the adjudication shows it', () => {
  it('counts the paragraphs a reader sees, not blank lines or characters', () => {
    expect(paragraphNumber(paragraphStarts(ADJUDICATED_TEXT), 0)).toBe(1);
    expect(paragraphNumber(paragraphStarts(ADJUDICATED_TEXT), ADJUDICATED_TEXT.indexOf('minister'))).toBe(2);
    expect(paragraphNumber(paragraphStarts(ADJUDICATED_TEXT), ADJUDICATED_TEXT.indexOf('We failed'))).toBe(3);
    expect(paragraphNumber(paragraphStarts(ADJUDICATED_TEXT), ADJUDICATED_TEXT.indexOf('A last'))).toBe(4);
  });

  it('a passage starting on a blank line belongs to the paragraph before it; an offset past the end to the last', () => {
    expect(paragraphNumber(paragraphStarts(ADJUDICATED_TEXT), ADJUDICATED_TEXT.indexOf('\n\n\n') + 1)).toBe(2);
    expect(paragraphNumber(paragraphStarts(ADJUDICATED_TEXT), ADJUDICATED_TEXT.length + 10)).toBe(4);
    expect(paragraphNumber(paragraphStarts(''), 0)).toBe(1);
  });
});
