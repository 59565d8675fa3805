import { describe, expect, it } from 'vitest';
import { extendMatch } from './extendMatch';

const vocabulary = new Map<string, number>();
const ids = (text: string): Int32Array =>
  Int32Array.from(text.split(' ').map((w) => vocabulary.get(w) ?? (vocabulary.set(w, vocabulary.size), vocabulary.size - 1)));
const options = { maxGap: 3, anchor: 3 };

describe('extendMatch', () => {
  it('grows a seed both ways as far as the words agree', () => {
    const a = ids('x y the war unleashed by putin against ukraine z');
    const b = ids('p the war unleashed by putin against ukraine q r');
    expect(extendMatch(a, b, 4, 3, 3, options)).toEqual({ aStart: 2, aEnd: 9, bStart: 1, bEnd: 8, matched: 7 });
  });

  it('bridges a changed word, an inserted word and a dropped word', () => {
    const a = ids('those who conceived this war want only one thing and nothing else to remain in power forever and ever');
    const b = ids('those who conceived the war want only one big thing and nothing else remain in power forever and ever');
    const m = extendMatch(a, b, 0, 0, 3, options);
    expect([m.aStart, m.aEnd, m.bStart, m.bEnd]).toEqual([0, a.length, 0, b.length]);
    expect(m.matched).toBe(17);
  });

  it('stops at a difference larger than the gap allows', () => {
    const a = ids('one two three four five six seven eight nine ten');
    const b = ids('one two three four five alpha beta gamma delta epsilon six seven eight');
    expect(extendMatch(a, b, 0, 0, 5, options)).toEqual({ aStart: 0, aEnd: 5, bStart: 0, bEnd: 5, matched: 5 });
  });

  it('does not bridge into a match shorter than the anchor (two words agreeing again is not enough)', () => {
    const a = ids('alpha beta gamma delta x one two');
    const b = ids('alpha beta gamma delta y one q');
    expect(extendMatch(a, b, 0, 0, 4, options).aEnd).toBe(4);
  });
});
