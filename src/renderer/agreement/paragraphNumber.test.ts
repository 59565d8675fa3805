import { describe, expect, it } from 'vitest';
import { paragraphNumber } from './paragraphNumber';

const TEXT = 'Title line\n\nThe minister resigned on Friday.\n\n\n“We failed,” she said.\nA last line.';

describe('paragraphNumber', () => {
  it('counts the paragraphs a reader sees, not blank lines or characters', () => {
    expect(paragraphNumber(TEXT, 0)).toBe(1);
    expect(paragraphNumber(TEXT, TEXT.indexOf('minister'))).toBe(2);
    expect(paragraphNumber(TEXT, TEXT.indexOf('We failed'))).toBe(3);
    expect(paragraphNumber(TEXT, TEXT.indexOf('A last'))).toBe(4);
  });

  it('a passage starting on a blank line belongs to the paragraph before it; an offset past the end to the last', () => {
    expect(paragraphNumber(TEXT, TEXT.indexOf('\n\n\n') + 1)).toBe(2);
    expect(paragraphNumber(TEXT, TEXT.length + 10)).toBe(4);
    expect(paragraphNumber('', 0)).toBe(1);
  });
});
