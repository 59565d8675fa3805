import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';

const speakers = (text: string) => detectQuotes(text).map((q) => q.speaker ?? null);

describe('quotedAsSaying', () => {
  it('credits "Agency quoted X as saying" to X, not to the agency', () => {
    expect(speakers('TASS quoted Foreign Minister Sergei Lavrin as saying: “Russia is ready for talks.”')).toEqual(['Sergei Lavrin']);
    expect(speakers('Sergei Lavrin met the envoy. Reuters cited the minister as saying the talks were “useful.”')).toEqual(['Sergei Lavrin']);
  });

  it('credits no one when the one quoted is unnamed', () => {
    expect(speakers('Interfax cited a source as saying the talks were “stalled.”')).toEqual([null]);
  });
});
