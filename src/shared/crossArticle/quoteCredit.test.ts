import { describe, expect, it } from 'vitest';
import { quoteCredit } from './quoteCredit';
import { detectArticleQuotes } from '../quotes/detectQuotes';

const read = (text: string, words: string) => {
  const start = text.indexOf(words);
  return quoteCredit(text, detectArticleQuotes(text).quotes, start, start + words.length);
};

describe('quoteCredit', () => {
  it('takes the speaker and the channel from the cue of the quote around the words', () => {
    const text = 'The talks ended.\n“We will not sign this deal,” Anna Kovalenko told Reuters on Friday.';
    expect(read(text, 'We will not sign this deal')).toMatchObject({ speaker: 'Anna Kovalenko', channel: 'Reuters' });
  });

  it('falls back to an "according to" in the same sentence, and gives nothing where there is no credit', () => {
    const text = 'Prices will rise again next year, according to the AP. Nobody said anything else here.';
    expect(read(text, 'Prices will rise again').channel).toBe('the AP');
    expect(read(text, 'Nobody said anything')).toEqual({ speaker: null, cue: null, channel: null });
  });
});
