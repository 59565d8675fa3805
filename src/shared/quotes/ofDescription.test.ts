import { describe, expect, it } from 'vitest';
import { buildPersonIndex } from './buildPersonIndex';
import { findAttribution } from './findAttribution';
import { findQuoteSpans } from './findQuoteSpans';
import { ofDescriptionEndingAt } from './ofDescription';
import { textTokens } from './textTokens';

function speakerOf(text: string, index = 0): string | null {
  const spans = findQuoteSpans(text);
  return findAttribution(text, spans, index, buildPersonIndex(text, spans))?.speaker ?? null;
}

describe('ofDescriptionEndingAt', () => {
  it('finds the determiner and the person noun before "of"', () => {
    const tokens = textTokens('the former secretary of state said');
    const found = ofDescriptionEndingAt(tokens, 4);
    expect(found && [tokens[found.from]!.text, tokens[found.head]!.text]).toEqual(['the', 'secretary']);
  });

  it('finds nothing when the noun before "of" names no person or no determiner opens the phrase', () => {
    expect(ofDescriptionEndingAt(textTokens('the end of the day'), 4)).toBeNull();
    expect(ofDescriptionEndingAt(textTokens('many secretary of state'), 3)).toBeNull();
  });
});

describe('a description with an "of" phrase as a speaker', () => {
  it('resolves "the former secretary of state said" to the person given that role', () => {
    const text = 'Ann Lamb, the former secretary of state, held a rally with Tom Hale. “We are together,” the former secretary of state said.';
    expect(speakerOf(text)).toBe('Ann Lamb');
  });

  it('resolves "the speaker of the House said" to the person given that role, not the person named last', () => {
    const text = 'Paul Reed, the speaker of the House, met Nora Diaz on Monday. “We will pass it,” the speaker of the House said.';
    expect(speakerOf(text)).toBe('Paul Reed');
  });
});
