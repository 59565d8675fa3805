import { describe, expect, it } from 'vitest';
import { narrowToCharacters, splitsSurrogatePair, widenToCharacters } from './surrogatePairs';
import { quoteSelector } from './quoteSelector';

const TEXT = 'Hi 🎯 there'; // the target emoji takes offsets 3 and 4

/** No half of a surrogate pair on its own. */
const wellFormed = (s: string): boolean => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('surrogatePairs', () => {
  it('finds the one offset between the halves of an emoji', () => {
    expect([0, 1, 2, 3, 4, 5, 6, TEXT.length].filter((o) => splitsSurrogatePair(TEXT, o))).toEqual([4]);
  });

  it('widens and narrows a range to whole characters', () => {
    expect(widenToCharacters(TEXT, 4, 4)).toEqual({ start: 3, end: 5 });
    expect(narrowToCharacters(TEXT, 4, 4)).toEqual({ start: 5, end: 3 });
    expect(widenToCharacters(TEXT, 0, 3)).toEqual({ start: 0, end: 3 });
  });

  it('quote selectors never cut an emoji in their context', () => {
    const text = `${'🎯'.repeat(40)}middle${'🎯'.repeat(40)}`;
    const at = text.indexOf('middle');
    for (const context of [31, 32, 33]) {
      const { prefix, suffix } = quoteSelector(text, at, at + 6, context);
      expect(wellFormed(prefix)).toBe(true);
      expect(wellFormed(suffix)).toBe(true);
    }
  });
});
