import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';
import { placeWords } from './placeWords';
import { textTokens } from './textTokens';

describe('placeWords', () => {
  it('collects lone capitalised words after "in" and "at"', () => {
    expect([...placeWords(textTokens('She works at Google in Ohio, not at Lamb’s firm or in New York.'))]).toEqual(['Google', 'Ohio']);
  });
});

describe('a place or workplace between a person and "she"', () => {
  it('does not take "she" from the person named before', () => {
    const text = 'Lisa Reese, who works at Google, said the firm was growing. “It’s amazing,” she said. Google declined to comment. “We are hiring,” she added.';
    expect(detectQuotes(text).map((q) => q.speaker)).toEqual(['Lisa Reese', 'Lisa Reese']);
  });

  it('still reads a lone name that speaks as a person when it is never written as a place', () => {
    const text = 'The talks went on in Geneva. Walsh declined to comment. “We are done,” he said.';
    expect(detectQuotes(text).map((q) => q.speaker)).toEqual(['Walsh']);
  });
});
