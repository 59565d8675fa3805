import { describe, expect, it } from 'vitest';
import { buildPersonIndex } from './buildPersonIndex';
import { detectQuotes } from './detectQuotes';
import { findQuoteSpans } from './findQuoteSpans';
import { possessiveSpeechNoun } from './possessiveSpeechNoun';

/** Who possessiveSpeechNoun credits the first quote of `text` to. */
function possessor(text: string): string | null {
  const spans = findQuoteSpans(text);
  return possessiveSpeechNoun(text, spans[0]!.open, buildPersonIndex(text, spans))?.speaker ?? null;
}

describe('possessiveSpeechNoun', () => {
  it('credits “her claim that she …” to the woman named before, over a plural subject', () => {
    const text = 'Rita Moss spoke in Ohio on Friday. Critics pointed to gaps between her claim that she “never saw the memo” and the records.';
    expect(possessor(text)).toBe('Rita Moss');
    expect(detectQuotes(text)[0]?.speaker).toBe('Rita Moss');
  });

  it('reads “his call for”, a possessive name and words between the noun and “that”', () => {
    expect(possessor('Mark Sole spoke to the crowd. Few cheered his call for “a complete halt” on permits.')).toBe('Mark Sole');
    expect(possessor('Lena Ortiz and Ben Tate met on Monday. Aides defended Ortiz’s assertion during the debate that “we are where we need to be.”')).toBe('Lena Ortiz');
  });

  it('leaves a noun the quote describes, and a noun followed by another speaker, alone', () => {
    expect(possessor('Paul Crane spoke. Ann Bell called Crane’s remarks about the judge “racist.”')).toBeNull();
    expect(possessor('Paul Crane spoke. Ann Bell called Mr. Crane’s comments “racist.”')).toBeNull();
    expect(possessor('Paul Crane spoke. About his claim, Ann Bell said “it is false.”')).toBeNull();
  });

  it('takes the clause subject for “his” when it is the same person ("He was challenged over his statement that “…”")', () => {
    const text = 'Ted Lowe spoke after Bo Park.\n\nMr. Lowe’s temper came under scrutiny: he was challenged over his statement that “taxes are theft,” but he kept calm.';
    expect(detectQuotes(text)[0]?.speaker).toBe('Ted Lowe');
  });

  it('credits a participle after the noun (“his remarks calling … “…””) to the possessor, not the sentence’s subject', () => {
    const text = 'Jo Kane stood firm. When Mr. Tom Hale tried to defend his remarks calling the old regime “strong” at the debate, Ms. Kane did not reply.';
    expect(possessor(text)).toBe('Tom Hale');
    expect(detectQuotes(text)[0]?.speaker).toBe('Tom Hale');
  });

  it('reads one adjective before the noun (“his muddled argument for”)', () => {
    const text = 'Dale Greer spoke on Monday. Voters puzzled over his muddled argument for “free tuition” all week.';
    expect(possessor(text)).toBe('Dale Greer');
  });

  it('credits “his argument for “…”” in a list about another man to him, over the possessive that opens the sentence and the quote before', () => {
    const text =
      'Ann Lamb met Dale Greer and Tom Hale on Monday. Hale’s feud with Greer flared again, and the senator’s team plans to attack the governor on three points: ' +
      'Greer’s land grabs, the admission that he was “soft on crime,” and his muddled argument for “free tuition” for all.';
    expect(detectQuotes(text)[1]?.speaker).toBe('Dale Greer');
  });
});
