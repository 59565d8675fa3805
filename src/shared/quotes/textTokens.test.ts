import { describe, expect, it } from 'vitest';
import { isCapitalised, isPossessive, textTokens, withoutPossessive, type TextToken } from './textTokens';

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

  it('skips spaces, tabs and other white space, but keeps a vertical tab or form feed as a token', () => {
    expect(textTokens('a\u00a0b\u2003c\td \u000b e\u000cf').map((t) => t.text)).toEqual(['a', 'b', 'c', 'd', '\u000b', 'e', '\u000c', 'f']);
    expect(textTokens('Ελλάδα, Россия 北京 naïve ½ x²').map((t) => [t.text, t.word])).toEqual([
      ['Ελλάδα', true],
      [',', false],
      ['Россия', true],
      ['北京', true],
      ['naïve', true],
      ['½', true],
      ['x²', true],
    ]);
  });

  it('keeps a mojibake letter inside its word (a UTF-8 letter read as Latin-1)', () => {
    expect(textTokens('Pres. Ana PeÃ±a Ruiz').map((t) => t.text)).toContain('PeÃ±a');
    expect(textTokens('Pres. Ana Pe\u0041\u0303\u00b1a Ruiz').map((t) => t.text)).toContain('Pe\u0041\u0303\u00b1a');
    // ("Ã " is "à" read as Latin-1: the no-break space after Ã is part of the word; alone it is white space.)
    expect(textTokens('voilÃ\u00a0 \u00a0x').map((t) => t.text)).toEqual(['voilÃ\u00a0', 'x']);
  });
});

describe('textTokens of a stretch of the text last tokenised whole', () => {
  const text = 'Ms. O’Neill’s 20-year plan,\nhe said: “No.”\r\n  PeÃ±a — re-elected — said no-one   knew.\nEnd';
  const fresh = (from: number, to: number): TextToken[] => {
    textTokens('another text'); // forgets `text`: the stretch is scanned on its own
    return textTokens(text, from, to);
  };

  it('gives exactly the tokens a scan of the stretch alone gives, for every stretch (inside words and at line breaks too)', () => {
    for (let from = 0; from <= text.length; from++) {
      for (let to = from; to <= text.length; to++) {
        const expected = fresh(from, to);
        textTokens(text);
        expect(textTokens(text, from, to)).toEqual(expected);
      }
    }
  });

  it('gives the caller its own array (changing it changes nothing later)', () => {
    const whole = textTokens(text);
    whole.length = 0;
    expect(textTokens(text).length).toBeGreaterThan(10);
  });
});
