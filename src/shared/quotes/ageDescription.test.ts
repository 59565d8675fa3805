import { describe, expect, it } from 'vitest';
import { ageOfMention, ageOfWord } from './ageDescription';
import { detectQuotes } from './detectQuotes';
import { textTokens } from './textTokens';

const speakers = (text: string) => detectQuotes(text).map((q) => q.speaker);

describe('ageDescription', () => {
  it('reads an age word and the age given in apposition', () => {
    expect(ageOfWord('54-year-old')).toBe(54);
    expect(ageOfWord('year-old')).toBeNull();
    const tokens = textTokens('Ann Lamb, 54, met Tom Hale, a 61-year-old nurse, and Ben Ross, who is 70.');
    const at = (word: string) => tokens.findIndex((t) => t.text === word);
    expect([ageOfMention(tokens, at('Lamb')), ageOfMention(tokens, at('Hale')), ageOfMention(tokens, at('Ross'))]).toEqual([54, 61, null]);
  });
});

describe('"the 54-year-old said"', () => {
  it('credits the person of that age, not the person named last', () => {
    expect(speakers('Ann Lamb, 54, met Tom Hale, 61, in Ohio. Hale spoke first. “We are ready,” the 54-year-old said.')).toEqual(['Ann Lamb']);
    expect(speakers('Ann Lamb, 54, met Tom Hale in Ohio. “We are ready,” the 61-year-old said.')).toEqual(['Tom Hale']);
  });

  it('with no age given, refers like a pronoun to the person just named', () => {
    expect(speakers('Ann Lamb met reporters in Ohio. “We are ready,” the 54-year-old said.')).toEqual(['Ann Lamb']);
  });
});
