import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';
import { followsItsVerb, isObjectOfVerb } from './objectOfVerb';
import { textTokens } from './textTokens';

const at = (sentence: string, word: string) => {
  const tokens = textTokens(sentence);
  return isObjectOfVerb(tokens, tokens.findIndex((t) => t.text === word));
};

describe('isObjectOfVerb', () => {
  it('reads a name right after a verb as its object, and after a clause opener or role noun as a subject', () => {
    expect(at('Walter Grant knocked Peter Shaw on spending', 'Peter')).toBe(true);
    expect(at('Walter Grant knocked Peter Shaw on spending', 'Walter')).toBe(false);
    expect(at('It fell apart when Grant knocked Shaw', 'Grant')).toBe(false);
    expect(at('Harbour Times columnist Ada Rees went on', 'Ada')).toBe(false);
  });

  it('credits "X knocked Y and called him “…”" to X, the one who called', () => {
    const text = 'Walter Grant knocked Peter Shaw on spending and called him a “spendthrift,” a rare jab.';
    expect(detectQuotes(text)[0]).toMatchObject({ speaker: 'Walter Grant', cue: 'called' });
  });

  it('followsItsVerb: a name after a verb with no verb of its own is an object; a role word, preposition or own verb is not', () => {
    const follows = (sentence: string, word: string, last = word) => {
      const tokens = textTokens(sentence);
      return followsItsVerb(tokens, tokens.findIndex((t) => t.text === word), tokens.findIndex((t) => t.text === last));
    };
    expect(follows('The Ohio Republican gave Greer some credit', 'Greer')).toBe(true);
    expect(follows('One pastor supporting Mr. Cole, Tom Lee, said so', 'Mr', 'Cole')).toBe(true);
    expect(follows('Former secretary of state Ann Lamb, a party elder, spoke', 'Ann', 'Lamb')).toBe(false);
    expect(follows('As for Greer, he was calm', 'Greer')).toBe(false);
    expect(follows('One of the jobs Perez talks about is trash', 'Perez')).toBe(false);
  });

  it('credits “he said” after a sentence whose subject is a description to the speaker before, not to the object named in it', () => {
    const text =
      'Paul Harlan said in the interview that the burden lies on Tom Greer. “We need unity, and the nominee has to lead,” he said.\n\n' +
      'The Ohio Republican did give Greer some credit, but he suggested the businessman is no statesman.\n\n“We hope our nominee aspires to more,” he said.';
    expect(detectQuotes(text).map((q) => q.speaker)).toEqual(['Paul Harlan', 'Paul Harlan']);
  });

  it('takes the person in apposition after an object as the sentence subject (“One pastor supporting X, Y, said”)', () => {
    const text = 'Dale Brook spoke on Sunday. One pastor supporting Mr. Brook, Tom Lee of Grace Church, said he had called many pastors.\n\n“Get there early,” he tells parishioners.';
    expect(detectQuotes(text)[0]?.speaker).toBe('Tom Lee');
  });
});
