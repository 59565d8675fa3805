import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from './krippendorffAlpha';

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the
// example with missing data: 4 observers (rows) × 12 units (columns); null
// where an observer did not code the unit. Published: nominal .743,
// ordinal .815, interval .849, ratio .797.
const K2011 = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

// The three coders × 15 units example of Krippendorff's alpha article on
// Wikipedia (its "computational example"), also in fast-krippendorff's tests:
// nominal 0.691, interval 0.811.
const WIKIPEDIA = [
  [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
  [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
  [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
];

const round3 = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);

describe('krippendorffAlpha', () => {
  it('reproduces Krippendorff (2011): nominal .743, ordinal .815, interval .849, ratio .797', () => {
    expect(round3(krippendorffAlpha(K2011, 'nominal').alpha)).toBe(0.743);
    expect(round3(krippendorffAlpha(K2011, 'ordinal').alpha)).toBe(0.815);
    expect(round3(krippendorffAlpha(K2011, 'interval').alpha)).toBe(0.849);
    expect(round3(krippendorffAlpha(K2011, 'ratio').alpha)).toBe(0.797);
  });

  it('counts only the values in units two or more observers coded (n = 40 in the 2011 example)', () => {
    const result = krippendorffAlpha(K2011, 'nominal');
    expect(result.pairableValues).toBe(40);
    expect(result.pairableUnits).toBe(11);
  });

  it('reproduces the three-coder example: nominal 0.691, interval 0.811', () => {
    expect(krippendorffAlpha(WIKIPEDIA, 'nominal').alpha).toBeCloseTo(0.691358, 6);
    expect(krippendorffAlpha(WIKIPEDIA, 'interval').alpha).toBeCloseTo(0.810845, 6);
  });

  it('takes named values with an order for ordinal data', () => {
    const names = ['very low', 'low', 'mid', 'high', 'very high'];
    const named = K2011.map((row) => row.map((v) => (v === null ? null : names[v - 1]!)));
    expect(round3(krippendorffAlpha(named, 'ordinal', { order: names }).alpha)).toBe(0.815);
    expect(round3(krippendorffAlpha(named, 'nominal').alpha)).toBe(0.743);
    expect(() => krippendorffAlpha(named, 'ordinal')).toThrow(/order/);
    expect(() => krippendorffAlpha(named, 'interval')).toThrow(/numbers/);
  });

  it('is undefined (null) without variation or without pairable values', () => {
    expect(krippendorffAlpha([[1, 1, 1], [1, 1, 1]], 'nominal').alpha).toBeNull();
    expect(krippendorffAlpha([[1, null], [null, 2]], 'nominal').alpha).toBeNull();
  });

  it('names the coder whose row has the wrong number of units', () => {
    expect(() => krippendorffAlpha([[1, 2, 3], [1, 2]], 'nominal')).toThrow(/coder 2 has 2 values/);
  });

  it('takes typed arrays as rows', () => {
    const a = Uint8Array.from([1, 0, 1, 1, 0, 0, 1, 0]);
    const b = Uint8Array.from([1, 0, 1, 0, 0, 0, 1, 0]);
    expect(krippendorffAlpha([a, b], 'nominal').alpha).toBeCloseTo(krippendorffAlpha([[...a], [...b]], 'nominal').alpha!, 12);
  });
});
