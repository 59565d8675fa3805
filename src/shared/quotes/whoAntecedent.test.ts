import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';
import { textTokens } from './textTokens';
import { whoAntecedentEnd } from './whoAntecedent';

describe('whoAntecedent', () => {
  it('points a ", who" at the word before its comma, and nothing else', () => {
    const tokens = textTokens('Ann Lamb, who says so');
    const who = tokens.findIndex((t) => t.text === 'who');
    expect(tokens[whoAntecedentEnd(tokens, who)]!.text).toBe('Lamb');
    const plain = textTokens('a voter who says so');
    expect(whoAntecedentEnd(plain, plain.findIndex((t) => t.text === 'who'))).toBe(-1);
  });

  it('credits each quote of "X, who has called it “…”, and Y, who says it is “…”" to its own speaker', () => {
    const text = 'Compare that with Tom Reiner, who has called the plan “madness,” and Ann Lamb, who says it is “a disgrace.”';
    expect(detectQuotes(text).map((q) => [q.exact, q.speaker])).toEqual([
      ['madness', 'Tom Reiner'],
      ['a disgrace.', 'Ann Lamb'],
    ]);
  });
});
