import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';

const speakers = (text: string) => detectQuotes(text).map((q) => q.speaker ?? null);

describe('companyNamedAlone', () => {
  it('credits "the company said" to a company named by one word in the sentence before', () => {
    expect(speakers('Microsoft defended the deal. In a statement, the company said:\n\n“We remain committed to gamers everywhere.”')).toEqual(['Microsoft']);
    expect(speakers('Nordwind reported a loss on Tuesday. “Demand remains weak,” the airline said.')).toEqual(['Nordwind']);
  });

  it('never takes a person for the company: one with a full name, a title, or a "he"/"she"', () => {
    expect(speakers('Anna Walsh defended the deal. “We are fine,” the company said.')).toEqual([null]);
    expect(speakers('Dr. Walsh defended the deal. “We are fine,” the company said.')).toEqual([null]);
    expect(speakers('Walsh defended the deal, and she stood by it. “We are fine,” the company said.')).toEqual([null]);
  });
});
