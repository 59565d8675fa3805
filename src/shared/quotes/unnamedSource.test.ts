import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';
import { textTokens } from './textTokens';
import { unnamedSourceEndingAt, unnamedSourceStartingAt } from './unnamedSource';

const speakers = (text: string) => detectQuotes(text).map((q) => q.speaker);

describe('unnamedSource', () => {
  it('reads indefinite and plural descriptions as unnamed, and named or definite ones not', () => {
    const last = (words: string) => {
      const tokens = textTokens(words);
      return unnamedSourceEndingAt(tokens, tokens.length - 1);
    };
    expect(['a New Hampshire Republican', 'one former executive', 'another aide', 'the two lawmakers', 'White House officials', 'critics'].map(last)).toEqual([true, true, true, true, true, true]);
    expect(['the Vermont Democrat', 'the senator', 'Ann Lee', 'Lee’s spokesman'].map(last)).toEqual([false, false, false, false]);
    expect(unnamedSourceStartingAt(textTokens('one former executive who asked'), 0)).toBe(true);
    expect(unnamedSourceStartingAt(textTokens('Ann Lee, a former executive'), 0)).toBe(false);
  });

  it('credits the words of an unnamed source to no one, not to the speaker before or a person named nearby', () => {
    expect(speakers('“It is over,” said Ann Lee, the party chair.\n\n“Trump will lose,” a New Hampshire Republican said.')).toEqual(['Ann Lee', null]);
    expect(speakers('Tom Hale runs the firm. Hale was not one for “long meetings,” said one former executive who asked not to be named.')).toEqual([null]);
    expect(speakers('Dan Roe said there was “no precedent.” The two lawmakers, however, argue that “there is precedent.”')).toEqual(['Dan Roe', null]);
    expect(speakers('Tom Hale cut 600 jobs. As one employee told the local paper, “He wants us afraid.”')).toEqual([null]);
    // A name in apposition still speaks, and so does a lede's indefinite subject before its participle.
    expect(speakers('“We will win,” Tom Lee, a Republican, said.')).toEqual(['Tom Lee']);
    expect(speakers('“I have never been so ashamed,” a Russian diplomat wrote on Monday.\n\nBoris Ivanov, 41, sent the letter to colleagues.')).toEqual(['Boris Ivanov']);
    expect(speakers('A diplomat at the mission has resigned, writing that he was “so ashamed.” Boris Ivanov, 41, left on Monday.')).toEqual(['Boris Ivanov']);
  });

  it('leaves a member of a party other than the American two unnamed ("a senior Tory, speaking on condition of anonymity, said")', () => {
    expect(speakers('A senior Tory, speaking on condition of anonymity, said: “The party is in meltdown.”')).toEqual([null]);
    expect(speakers('“The party is in meltdown,” said one senior Conservative.')).toEqual([null]);
  });

  it('credits "the two said" and "both said" to no one, not to one of the two', () => {
    expect(speakers('Ann Marsh and Tom Reyes met on Monday. “It was productive,” the two said in a joint statement.')).toEqual([null]);
  });

  it('credits a quote "the suspect had shouted" to no one, not to the police who said so', () => {
    expect(speakers('Police said the suspect had shouted “Allahu Akbar” before the attack.')).toEqual([null]);
  });
});
