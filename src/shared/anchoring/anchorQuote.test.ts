import { describe, expect, it } from 'vitest';
import { anchorQuote } from './anchorQuote';

const TEXT = 'He said “no”. Later, asked again, he said “no” once more, and then “no” a third time.';
const at = (needle: string, from = 0) => TEXT.indexOf(needle, from);

describe('anchorQuote', () => {
  it('keeps the position when it still holds the quoted text', () => {
    const start = at('no', 20);
    expect(anchorQuote(TEXT, { exact: 'no', position: { start, end: start + 2 } })).toMatchObject({ start, end: start + 2 });
  });

  it('finds the quote near its old position when the text has shifted', () => {
    const second = at('no', 20);
    expect(anchorQuote(TEXT, { exact: 'no', position: { start: second + 5, end: second + 7 } })).toMatchObject({ start: second, end: second + 2 });
  });

  it('lets prefix and suffix pick the occurrence, whatever the old position says', () => {
    const third = at('no', at('then'));
    expect(anchorQuote(TEXT, { exact: 'no', prefix: 'and then “', suffix: '” a third', position: { start: 0, end: 2 } })).toMatchObject({
      start: third,
      end: third + 2,
    });
    expect(anchorQuote(TEXT, { exact: 'no', prefix: 'and then “', position: null })).toMatchObject({ start: third, end: third + 2 });
  });

  it('uses a position without a quote as it is, when it fits in the text', () => {
    expect(anchorQuote(TEXT, { exact: null, position: { start: 3, end: 7 } })).toMatchObject({ start: 3, end: 7 });
    expect(anchorQuote(TEXT, { exact: null, position: { start: 3, end: 700 } })).toBeNull();
  });

  it('gives up when the text does not hold the quote', () => {
    expect(anchorQuote(TEXT, { exact: 'yes', position: { start: 0, end: 3 } })).toBeNull();
    expect(anchorQuote(TEXT, { exact: null, position: null })).toBeNull();
  });

  describe('when the text differs slightly from the quote', () => {
    const EDITED =
      'The minister said the bridge would reopen in spring, after repairs costing 12 million euros. ' +
      'Critics said the bridge would reopen in summer at the earliest.';

    it('anchors a quote with a typo and a changed character to the closest passage', () => {
      // Another tool's copy: "brige" (typo) and "Spring" (case).
      const quote = 'the brige would reopen in Spring, after repairs';
      const found = anchorQuote(EDITED, { exact: quote, position: null });
      const start = EDITED.indexOf('the bridge would reopen in spring');
      expect(found).not.toBeNull();
      expect(found!.errors).toBeGreaterThan(0);
      expect(found!.errors).toBeLessThanOrEqual(Math.floor(quote.length / 10));
      expect(EDITED.slice(found!.start, found!.end)).toBe('the bridge would reopen in spring, after repairs');
      expect(found!.start).toBe(start);
    });

    it('lets the prefix and suffix choose between two equally close passages', () => {
      const quote = 'said the brige would reopen in';
      const second = EDITED.indexOf('said the bridge', EDITED.indexOf('Critics'));
      const found = anchorQuote(EDITED, { exact: quote, prefix: 'Critics ', suffix: ' summer', position: null });
      expect(found).toMatchObject({ start: second });
      const first = anchorQuote(EDITED, { exact: quote, prefix: 'The minister ', suffix: ' spring', position: null });
      expect(first).toMatchObject({ start: EDITED.indexOf('said the bridge') });
    });

    it('refuses a match that needs more than one edit per ten characters, and short quotes that differ at all', () => {
      expect(anchorQuote(EDITED, { exact: 'the brdg wuld reopen in sprng', position: null })).toBeNull();
      expect(anchorQuote(EDITED, { exact: 'brige', position: null })).toBeNull();
    });
  });
});
