import { describe, expect, it } from 'vitest';
import { cueIntroducesNext } from './cueIntroducesNext';
import { detectQuotes } from './detectQuotes';

const speakers = (text: string) => detectQuotes(text).map((q) => q.speaker);

describe('cueIntroducesNext', () => {
  it('sees a colon and an opening quotation mark after the cue', () => {
    const text = 'Hale said: “No.”';
    expect(cueIntroducesNext(text, text.indexOf(':'))).toBe(true);
    const comma = 'Hale said, “No.”';
    expect(cueIntroducesNext(comma, comma.indexOf(','))).toBe(false);
    const plain = 'Hale said: no.';
    expect(cueIntroducesNext(plain, plain.indexOf(':'))).toBe(false);
  });
});

describe('a speech verb after a quote that introduces the next quote with a colon', () => {
  it('leaves the quote to the speech verb of its own sentence before it', () => {
    const text = 'Ann Lee spoke at Yale. Tom Hale spoke later. After Lee said that pupils might do better at “smaller schools,” Hale said: “I do not like what she said.”';
    expect(speakers(text)).toEqual(['Ann Lee', 'Tom Hale']);
    // A quote with no speech verb before it still takes that verb.
    expect(speakers('Tom Hale spoke later. “We will win,” Hale said: “I know it.”')).toEqual(['Tom Hale', 'Tom Hale']);
  });
});
