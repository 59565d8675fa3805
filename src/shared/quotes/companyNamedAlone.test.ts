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

  it('credits "the carmaker said" to a company named by one word that acted on "its" own things', () => {
    expect(speakers('Nordwerk cut its forecast on Monday. “Demand is weak,” the carmaker said.')).toEqual(['Nordwerk']);
    expect(speakers('Nordwerk also lowered its target. “Demand is weak,” the company said.')).toEqual(['Nordwerk']);
    // also when the company opens the paragraph after the headline
    expect(speakers('Weak demand\n\nNordwerk cut its forecast on Monday. “Demand is weak,” the carmaker said.')).toEqual(['Nordwerk']);
    expect(speakers('Deal cleared\n\nMicrosoft defended the deal. “We remain committed,” the company said.')).toEqual(['Microsoft']);
    expect(speakers('Walsh cut his forecast on Monday. “Demand is weak,” the carmaker said.')).toEqual([null]);
    expect(speakers('The Pentagon cut its budget. “Demand is weak,” the company said.')).toEqual([null]);
  });
});

