import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';

const speakers = (text: string) => detectQuotes(text).map((q) => q.speaker ?? null);

describe('spokespersonFor', () => {
  it('credits "said a spokeswoman for X" to X, as "a spokeswoman for X said" reads', () => {
    expect(speakers('“We are appalled,” said a spokesman for Amnesty International.')).toEqual(['Amnesty International']);
    expect(speakers('The Ministry of Defence said the depot had been hit.\n\n“The operation was a complete success,” said a spokeswoman for the ministry.')).toEqual(['Ministry of Defence']);
  });

  it('credits no one when the body is no one the article names', () => {
    expect(speakers('“No comment,” said a spokesman for the family.')).toEqual([null]);
  });
});
