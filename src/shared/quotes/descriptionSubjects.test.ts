import { describe, expect, it } from 'vitest';
import { buildPersonIndex } from './buildPersonIndex';
import { descriptionSubjects } from './descriptionSubjects';
import { detectQuotes } from './detectQuotes';
import { textTokens } from './textTokens';

/** The descriptions found, as text. (Sentence numbers: a new one after ". ".) */
function found(text: string): string[] {
  const tokens = textTokens(text);
  let s = 0;
  const sentenceOf = tokens.map((t, i) => (i > 0 && tokens[i - 1]!.text === '.' ? ++s : s));
  return descriptionSubjects(tokens, sentenceOf).map((d) => text.slice(tokens[d.from]!.start, tokens[d.to]!.end));
}

describe('descriptionSubjects', () => {
  it('finds a described person opening a sentence, after a conjunction, or after an opening phrase', () => {
    expect(found('The senator spoke for an hour.')).toEqual(['The senator']);
    expect(found('Sen. Ruiz left. But the former governor did not answer.')).toEqual(['the former governor']);
    expect(found('Speaking to reporters on Sunday, the president framed the attack.')).toEqual(['the president']);
  });

  it('leaves out objects, "of" phrases, unspecific nouns and descriptions in the middle of a sentence', () => {
    expect(found('Hall met the senator.')).toEqual([]);
    expect(found('The president of the company resigned.')).toEqual([]);
    expect(found('The man was arrested.')).toEqual([]);
    expect(found('Hall, the banker, and the senator left.')).toEqual([]);
  });
});

describe('pronouns after a described subject (through the person index)', () => {
  it('gives “He” in the sentence after “The senator …” to the senator, not to a man named since', () => {
    const text = 'Sen. Tom Ruiz met Jim Hall on Monday. Hall is a banker.\n\nThe senator spoke for an hour. He said the plan was “a mess.”';
    expect(detectQuotes(text)[0]).toMatchObject({ speaker: 'Tom Ruiz', cue: 'said' });
  });

  it('carries “the president” over a pronoun-subject sentence to a later “he”', () => {
    const text =
      'Tom Reyes said in his statement: “We will win.”\n\nAnn Lee had been set to speak in Ohio. She canceled a rally with President Paul Hart.\n\nSpeaking at the White House on Sunday, the president framed the attack as a test.\n\nHe did not mention the ban. But it was on his mind as he called on people not to “give in to fear.”';
    expect(detectQuotes(text).map((q) => q.speaker)).toEqual(['Tom Reyes', 'Paul Hart']);
  });

  it('does not let the description take a pronoun of its own sentence from the person named there', () => {
    const text = 'Jim Hall spoke. The former governor spoke after Mr. Reyes held a news conference in which he went on with his attack.';
    expect(buildPersonIndex(text).resolve(text.indexOf('he went'), { gender: 'm' })).toBe('Reyes');
  });
});
