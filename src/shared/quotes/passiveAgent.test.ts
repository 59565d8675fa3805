import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';

const speakers = (text: string) => detectQuotes(text).map((q) => q.speaker ?? null);

describe('passiveAgent', () => {
  it('credits "was called “…” by X" to the agent X', () => {
    expect(speakers('The bill was called “a disgrace” by Sen. Ann Marsh.')).toEqual(['Ann Marsh']);
    expect(detectQuotes('The plan was described as “unworkable” by the Treasury.')[0]).toMatchObject({ speaker: 'Treasury', cue: 'described as' });
  });

  it('credits no one when the agent names no one', () => {
    expect(speakers('The bill was called “a disgrace” by many in the party.')).toEqual([null]);
    expect(speakers('Ann Marsh voted no. The film was called “a masterpiece” by critics.')).toEqual([null]);
  });
});
