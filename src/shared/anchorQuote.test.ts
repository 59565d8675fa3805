import { describe, expect, it } from 'vitest';
import { anchorQuote } from './anchorQuote';

const TEXT = 'He said “no”. Later, asked again, he said “no” once more, and then “no” a third time.';
const at = (needle: string, from = 0) => TEXT.indexOf(needle, from);

describe('anchorQuote', () => {
  it('keeps the position when it still holds the quoted text', () => {
    const start = at('no', 20);
    expect(anchorQuote(TEXT, { exact: 'no', position: { start, end: start + 2 } })).toEqual({ start, end: start + 2 });
  });

  it('finds the quote near its old position when the text has shifted', () => {
    const second = at('no', 20);
    expect(anchorQuote(TEXT, { exact: 'no', position: { start: second + 5, end: second + 7 } })).toEqual({ start: second, end: second + 2 });
  });

  it('lets prefix and suffix pick the occurrence, whatever the old position says', () => {
    const third = at('no', at('then'));
    expect(anchorQuote(TEXT, { exact: 'no', prefix: 'and then “', suffix: '” a third', position: { start: 0, end: 2 } })).toEqual({
      start: third,
      end: third + 2,
    });
    expect(anchorQuote(TEXT, { exact: 'no', prefix: 'and then “', position: null })).toEqual({ start: third, end: third + 2 });
  });

  it('uses a position without a quote as it is, when it fits in the text', () => {
    expect(anchorQuote(TEXT, { exact: null, position: { start: 3, end: 7 } })).toEqual({ start: 3, end: 7 });
    expect(anchorQuote(TEXT, { exact: null, position: { start: 3, end: 700 } })).toBeNull();
  });

  it('gives up when the text does not hold the quote', () => {
    expect(anchorQuote(TEXT, { exact: 'yes', position: { start: 0, end: 3 } })).toBeNull();
    expect(anchorQuote(TEXT, { exact: null, position: null })).toBeNull();
  });
});
