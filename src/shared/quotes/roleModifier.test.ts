import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';
import { modifiesRoleHolder } from './roleModifier';
import { textTokens } from './textTokens';

const modifies = (sentence: string, name: string) => {
  const tokens = textTokens(sentence);
  return modifiesRoleHolder(tokens, tokens.findIndex((t) => t.text === name));
};

describe('modifiesRoleHolder', () => {
  it('reads a name before a role noun and another name as a modifier only', () => {
    expect(modifies('McConn spokesman Don Stuart declined.', 'McConn')).toBe(true);
    expect(modifies('Clinton campaign chairman John Podest declined.', 'Clinton')).toBe(true);
    expect(modifies('McConn said the spokesman would call.', 'McConn')).toBe(false);
    expect(modifies('McConn met the spokesman, who declined.', 'McConn')).toBe(false);
  });

  it('lets a later "he" stand for the spokesman, not for the leader he speaks for', () => {
    const text = 'Senate Majority Leader Mitch McConn blocked the vote.\nMcConn spokesman Don Stuart would not say when the vote will come.\n“I have nothing to announce,” he said.';
    expect(detectQuotes(text)[0]?.speaker).toBe('Don Stuart');
  });
});
