import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';
import { speakerBeforeTopic } from './headlineTopic';
import { textTokens } from './textTokens';

const speakerEnd = (line: string) => {
  const tokens = textTokens(line);
  const at = speakerBeforeTopic(tokens, tokens.findIndex((t) => t.text === ':'));
  return at < 0 ? null : tokens[at]!.text;
};

describe('speakerBeforeTopic', () => {
  it('finds the speaker before "on"/"about" and the topic before the colon', () => {
    expect(speakerEnd('Trumble on Clinton: ‘She Is a Disaster’')).toBe('Trumble');
    expect(speakerEnd('Vogt On Refugees: ‘We Can Do This’')).toBe('Vogt');
    expect(speakerEnd('Limbaugh: ‘It Is Over’')).toBeNull();
    expect(speakerEnd('Fears grow on Wall Street: ‘Sell’')).toBeNull();
  });

  it('credits a headline "X on Y: ‘…’" to X', () => {
    const text = 'Trumble on Clinton: ‘She Is a Disaster’\n\nDonald Trumble attacked his rival again on Friday.';
    expect(detectQuotes(text)[0]?.speaker).toBe('Donald Trumble');
  });
});
