import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';
import { inCapitalsRun } from './inCapitalsRun';

const at = (text: string, word: string): [string, number, number] => [text, text.indexOf(word), text.indexOf(word) + word.length];

describe('inCapitalsRun', () => {
  it('sees a word in capitals among other capitals, not an acronym among ordinary words or one set off by a colon', () => {
    expect(inCapitalsRun(...at('WHY TRADE MATTERS NOW “…”', 'WHY'))).toBe(true);
    expect(inCapitalsRun(...at('FLOOD SURVIVORS, IN PICTURES “…”', 'FLOOD'))).toBe(true);
    expect(inCapitalsRun(...at('A CNN poll said “…”', 'CNN'))).toBe(false);
    expect(inCapitalsRun(...at('UN: TROOPS PAID FOR SEX “…”', 'UN'))).toBe(false);
  });

  it('credits no one with a quote under a heading written in capitals', () => {
    expect(detectQuotes('Good morning.\n\nFLOOD SURVIVORS, IN PICTURES “It is about letting people tell their own story.” [Times.]')[0]?.speaker).toBeNull();
    expect(detectQuotes('Good morning.\n\nGO TIGERS Auburn beat Clemson 45-40 in a game many are calling an “instant classic.”')[0]?.speaker).toBeNull();
  });
});
