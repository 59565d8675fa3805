import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';

const speakers = (text: string) => detectQuotes(text).map((q) => q.speaker);

describe('attributionAheadInSentence', () => {
  it('credits every quote of a sentence to the one speech verb after its last quote, within the sentence', () => {
    expect(speakers('Dan Roe spoke on Monday. Those who watch “certain shows” and read “certain sites,” he said, lose touch.')).toEqual(['Dan Roe', 'Dan Roe']);
    expect(speakers('Ann Lee runs a polling firm. Voters value the mayor as a “protector” more than as a “provider,” a study by the firm’s director, Ann Lee, said.')).toEqual(['Ann Lee', 'Ann Lee']);
    // Not over a sentence end, nor into a clause with its own verb before the later quote.
    expect(speakers('Dan Roe spoke on Monday. Fans of the “old show” were sad. “It is gone,” he said.')[0]).toBeNull();
    expect(speakers('Ann Lee runs a firm. Tom Hale spoke. Lee called the plan “a mess” and Hale said it was “fine.”')).toEqual(['Ann Lee', 'Tom Hale']);
  });
});
