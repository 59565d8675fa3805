import { describe, expect, it } from 'vitest';
import { isCapitalised, isPossessive, textTokens, withoutPossessive } from './textTokens';

describe('textTokens', () => {
  it('splits words (keeping inner apostrophes and hyphens) from punctuation, with offsets', () => {
    const text = 'Bondarev’s 20-year career, he said:';
    expect(textTokens(text).map((t) => [t.text, t.start, t.word])).toEqual([
      ['Bondarev’s', 0, true],
      ['20-year', 11, true],
      ['career', 19, true],
      [',', 25, false],
      ['he', 27, true],
      ['said', 30, true],
      [':', 34, false],
    ]);
  });

  it('marks the first token after a line break and honours the range', () => {
    const tokens = textTokens('one two\nthree four', 4);
    expect(tokens.map((t) => [t.text, t.newlineBefore])).toEqual([
      ['two', false],
      ['three', true],
      ['four', false],
    ]);
  });
});

describe('word helpers', () => {
  it('recognises capitalised words and possessives', () => {
    expect(['Bondarev', 'MoD', 'Élodie'].map(isCapitalised)).toEqual([true, true, true]);
    expect(['UN', 'he', '24'].map(isCapitalised)).toEqual([false, false, false]);
    expect(isPossessive('Putin’s')).toBe(true);
    expect(withoutPossessive("Russia's")).toBe('Russia');
    expect(withoutPossessive('Paris')).toBe('Paris');
  });

  it('keeps a mojibake letter inside its word (a UTF-8 letter read as Latin-1)', () => {
    expect(textTokens('Pres. Ana PeÃ±a Ruiz').map((t) => t.text)).toContain('PeÃ±a');
    expect(textTokens('Pres. Ana Pe\u0041\u0303\u00b1a Ruiz').map((t) => t.text)).toContain('Pe\u0041\u0303\u00b1a');
  });
});
