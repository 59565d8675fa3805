import { describe, expect, it } from 'vitest';
import { fleissKappa } from './fleissKappa';

// Fleiss (1971: p. 379), 30 subjects × 6 raters, as in DKPro Statistics' Fleiss1971Test:
// P̄ .5556, P_e .2201, κ .430.
const FLEISS_1971 = [
  [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
  [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
  [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
  [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
  [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
  [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
];
/** Rows per rater, as the measures take them. */
const byRater = FLEISS_1971[0]!.map((_, r) => FLEISS_1971.map((subject) => subject[r]!));

describe('fleissKappa', () => {
  it('reproduces Fleiss (1971): P̄ .5556, P_e .2201, κ .430', () => {
    const result = fleissKappa(byRater);
    expect(result.observedAgreement).toBeCloseTo(0.5556, 3);
    expect(result.expectedAgreement).toBeCloseTo(0.2201, 3);
    expect(Math.round(result.kappa! * 1000) / 1000).toBe(0.43);
    expect(result.units).toBe(30);
  });

  it('leaves out units a rater did not code', () => {
    const result = fleissKappa([[1, 2, 2, null], [1, 2, 1, 2], [1, 2, 2, 2]]);
    expect(result.units).toBe(3);
  });
});
