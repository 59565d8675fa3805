import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';
import { isObjectOfVerb } from './objectOfVerb';
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
});
