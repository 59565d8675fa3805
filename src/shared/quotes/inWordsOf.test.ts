import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';

const speakers = (text: string) => detectQuotes(text).map((q) => q.speaker ?? null);

describe('inWordsOf', () => {
  it('credits "in the words of X", "in X’s words" and "in her words" to whose words they are', () => {
    expect(speakers('The launch was, in the words of Commissioner Anna Lind, “a moment of truth for Europe.”')).toEqual(['Anna Lind']);
    expect(speakers('The launch was, in Smithson’s words, “an unmitigated disaster.”')).toEqual(['Smithson']);
    expect(speakers('Anna Lind spoke last. The plan was, in her words, “a moment of truth.”')).toEqual(['Anna Lind']);
  });

  it('reads no one from other "words"', () => {
    expect(speakers('He chose his words carefully: “We are ready.”')).toEqual([null]);
  });
});
