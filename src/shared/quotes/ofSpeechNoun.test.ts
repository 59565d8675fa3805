import { describe, expect, it } from 'vitest';
import { buildPersonIndex } from './buildPersonIndex';
import { detectQuotes } from './detectQuotes';
import { findQuoteSpans } from './findQuoteSpans';
import { ofSpeechNoun } from './ofSpeechNoun';

/** Who ofSpeechNoun credits the first quote of `text` to. */
function credited(text: string): string | null {
  const spans = findQuoteSpans(text);
  return ofSpeechNoun(text, spans[0]!.open, buildPersonIndex(text, spans))?.speaker ?? null;
}

describe('ofSpeechNoun', () => {
  it('credits “the contention of <described name> that … “…”” to the person named', () => {
    const text = 'Senator Ann Lee spoke on Monday. Tom Hale agreed. His remarks support the contention of former governor Ann Lee that her emails were later subjected to “over-classification.”';
    expect(credited(text)).toBe('Ann Lee');
    expect(detectQuotes(text)[0]?.speaker).toBe('Ann Lee');
  });

  it('reads “the claim by” an organisation, and a name in the clause as its object', () => {
    expect(credited('The Health Ministry spoke on Monday. Reporters doubted the claim by the Health Ministry that the clinic was “fully staffed.”')).toBe('Health Ministry');
    expect(detectQuotes('Ann Lee spoke on Monday. Tom Hale rejected the claim of Ann Lee that Bo Park was “a liar.”')[0]?.speaker).toBe('Ann Lee');
  });

  it('leaves a clause with a speech verb of its own, and a noun with no “that” clause, alone', () => {
    expect(credited('Ann Lee spoke on Monday. Tom Hale rejected the claim of Ann Lee that Bo Park said he was “a liar.”')).toBeNull();
    expect(credited('Ann Lee spoke on Monday. The words of Ann Lee were printed as “a warning.”')).toBeNull();
  });
});
