import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';

describe('detectQuotes', () => {
  it('reports each quote with its exact text, offsets, speaker and cue', () => {
    const text = 'Boris Bondarev resigned.\n“We are done,” he said.';
    const [quote] = detectQuotes(text);
    expect(quote).toEqual({
      start: 26,
      end: 37,
      exact: 'We are done',
      speaker: 'Boris Bondarev',
      cue: 'said',
      speakerSpan: { start: 40, end: 42 },
      cueSpan: { start: 43, end: 47 },
    });
    expect(text.slice(quote!.start, quote!.end)).toBe(quote!.exact);
  });

  it('gives a follow-on quote in the same paragraph the attribution before it', () => {
    const quotes = detectQuotes('Anna Petrova spoke.\n“I studied law,” she said. “But I simply cannot stay.”');
    expect(quotes.map((q) => [q.exact, q.speaker, q.cue])).toEqual([
      ['I studied law', 'Anna Petrova', 'said'],
      ['But I simply cannot stay.', 'Anna Petrova', 'said'],
    ]);
  });

  it('gives a quote paragraph right after an attributed quote the same attribution', () => {
    const quotes = detectQuotes('“He is a hero,” said Hillel Neuer.\n\n“Others should follow him.”');
    expect(quotes[1]).toMatchObject({ exact: 'Others should follow him.', speaker: 'Hillel Neuer', cue: 'said' });
  });

  it('does not carry an attribution over a paragraph without quotes', () => {
    const quotes = detectQuotes('“He is a hero,” said Hillel Neuer.\nThe ministry was silent.\n“Others should follow him.”');
    expect(quotes[1]).toMatchObject({ speaker: null, cue: null });
  });

  it('reports a quote without attribution with null speaker and cue', () => {
    expect(detectQuotes('The so-called “special operation” went on.')).toEqual([
      { start: 15, end: 32, exact: 'special operation', speaker: null, cue: null, speakerSpan: null, cueSpan: null },
    ]);
  });

  it('finds nothing in a text without quotes', () => {
    expect(detectQuotes('Russia’s war, the students’ union and rock ’n’ roll.')).toEqual([]);
    expect(detectQuotes('')).toEqual([]);
  });
});
