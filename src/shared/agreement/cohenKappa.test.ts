import { describe, expect, it } from 'vitest';
import { cohenKappa } from './cohenKappa';

/** Two coders' values from a contingency table: counts[i][j] units coded i+1 by the first, j+1 by the second. */
function fromTable(counts: number[][]): [number[], number[]] {
  const first: number[] = [];
  const second: number[] = [];
  counts.forEach((row, i) => row.forEach((n, j) => {
    for (let k = 0; k < n; k++) {
      first.push(i + 1);
      second.push(j + 1);
    }
  }));
  return [first, second];
}

describe('cohenKappa', () => {
  it('reproduces Cohen (1960: p. 45): p_o .70, p_e .41, κ .492 (as in DKPro Statistics’ Cohen1960Test)', () => {
    const result = cohenKappa(fromTable([[88, 14, 18], [10, 40, 10], [2, 6, 12]]));
    expect(result.observedAgreement).toBeCloseTo(0.7, 2);
    expect(result.expectedAgreement).toBeCloseTo(0.41, 2);
    expect(Math.round(result.kappa! * 1000) / 1000).toBe(0.492);
    expect(result.units).toBe(200);
  });

  it('reproduces Krippendorff (1995) digitized, as DKPro checks it: κ .385', () => {
    // Bertha and Bill of the 1995 example, position by position (DKPro's Krippendorff1995Test).
    const bertha = [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0];
    const bill = [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0];
    expect(Math.round(cohenKappa([bertha, bill]).kappa! * 1000) / 1000).toBe(0.385);
  });

  it('leaves out units either coder did not code, and is undefined with one value throughout', () => {
    expect(cohenKappa([[1, 2, null, 1], [1, 2, 2, null]]).units).toBe(2);
    expect(cohenKappa([[1, 2, null, 1], [1, 2, 2, null]]).kappa).toBe(1);
    expect(cohenKappa([[1, 1], [1, 1]]).kappa).toBeNull();
    expect(() => cohenKappa([[1], [1], [1]])).toThrow(/two coders/);
  });
});
