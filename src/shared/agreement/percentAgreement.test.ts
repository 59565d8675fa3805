import { describe, expect, it } from 'vitest';
import { percentAgreement } from './percentAgreement';

describe('percentAgreement', () => {
  it('is the share of units two coders coded alike, in percent', () => {
    expect(percentAgreement([['a', 'b', 'a', 'c'], ['a', 'b', 'b', 'c']])).toBe(75);
  });

  it('counts pairs of coders for three or more, skipping missing values', () => {
    // Unit 1: 3 pairs, all agree; unit 2: 3 pairs, one agrees; unit 3: one pair (third value missing), agrees.
    expect(percentAgreement([[1, 1, 2], [1, 1, 2], [1, 2, null]])).toBeCloseTo((100 * 5) / 7, 10);
    expect(percentAgreement([[1, null], [null, 1]])).toBeNull();
  });
});
