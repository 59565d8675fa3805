import { describe, expect, it } from 'vitest';
import { textTokens } from '../quotes/textTokens';
import { codingUnits } from './codingUnits';

const pieces = (text: string, units: { starts: Int32Array; ends: Int32Array }) => Array.from(units.starts, (s, i) => text.slice(s, units.ends[i]));

describe('codingUnits', () => {
  it('cuts words, leaving out punctuation and space', () => {
    const text = 'Russia’s army, he said.';
    expect(pieces(text, codingUnits(text, 'tokens'))).toEqual(['Russia’s', 'army', 'he', 'said']);
  });

  it('has the words the quote tokenizer has', () => {
    const text = `Mr Bondarev told Reuters that he went to the mission “like any other Monday morning”, but instead —
his 20-year tenure (2002–2022) ended; l'état n'est pas là, naïve café‐owners' ‘quotes’ and – dashes – stay out.`;
    const words = textTokens(text).filter((t) => t.word);
    const units = codingUnits(text, 'tokens');
    expect(Array.from(units.starts)).toEqual(words.map((w) => w.start));
    expect(Array.from(units.ends)).toEqual(words.map((w) => w.end));
  });

  it('cuts sentences without their surrounding white space', () => {
    const text = '  The minister spoke. Nobody listened!\n\nWas it true?  ';
    expect(pieces(text, codingUnits(text, 'sentences'))).toEqual(['The minister spoke.', 'Nobody listened!', 'Was it true?']);
  });

  it('falls back to English rules for an unusable language tag', () => {
    expect(codingUnits('One. Two.', 'sentences', 'not a tag!').starts.length).toBe(2);
  });
});
