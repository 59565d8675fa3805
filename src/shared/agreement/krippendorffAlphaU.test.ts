import { describe, expect, it } from 'vitest';
import { krippendorffAlphaU, type UnitizedSpan } from './krippendorffAlphaU';

// The unitizing examples of DKPro Statistics' tests
// (dkpro-statistics-agreement/src/test/java/org/dkpro/statistics/agreement/unitizing/),
// data and expected values as published there.

/** Krippendorff (2004: p. 254), DKPro's Krippendorff2004Test: continuum 150–450, two coders. */
const K2004: UnitizedSpan[] = [
  { coder: 0, category: 'c', start: 225, end: 295 },
  { coder: 0, category: 'c', start: 370, end: 400 },
  { coder: 1, category: 'c', start: 220, end: 300 },
  { coder: 1, category: 'c', start: 355, end: 375 },
  { coder: 1, category: 'c', start: 400, end: 420 },
  { coder: 0, category: 'k', start: 180, end: 240 },
  { coder: 0, category: 'k', start: 300, end: 350 },
  { coder: 1, category: 'k', start: 180, end: 240 },
  { coder: 1, category: 'k', start: 300, end: 350 },
];

/** Krippendorff (1995: p. 57), DKPro's Krippendorff1995Test: (offset, length, coder, category), stretched. */
const K1995: [number, number, number, string][] = [
  [2, 8, 0, 'A'], [14, 6, 0, 'A'], [4, 4, 1, 'A'], [15, 2, 1, 'A'],
  [0, 18, 0, 'B'], [0, 2, 1, 'B'], [2, 1, 1, 'B'], [3, 1, 1, 'B'], [4, 1, 1, 'B'], [5, 1, 1, 'B'], [6, 3, 1, 'B'], [9, 1, 1, 'B'],
  [2, 6, 0, 'C'], [10, 2, 0, 'C'], [14, 4, 0, 'C'], [20, 2, 0, 'C'], [0, 2, 1, 'C'], [4, 4, 1, 'C'], [10, 4, 1, 'C'], [16, 2, 1, 'C'], [20, 2, 1, 'C'],
  [0, 2, 0, 'D'], [2, 8, 0, 'D'], [10, 4, 0, 'D'], [14, 6, 0, 'D'], [20, 4, 0, 'D'], [0, 4, 1, 'D'], [4, 4, 1, 'D'], [8, 7, 1, 'D'], [15, 2, 1, 'D'], [17, 7, 1, 'D'],
];
/** |actual − expected| ≤ tolerance, the check DKPro's tests make (assertEquals with a delta). */
const expectWithin = (actual: number | null, expected: number, tolerance: number) => {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(tolerance);
};

const k1995 = (stretch: number) => ({
  coders: 2,
  length: Math.trunc(24 * stretch),
  spans: K1995.map(([offset, length, coder, category]) => {
    const start = Math.trunc(offset * stretch);
    return { coder, category, start, end: start + Math.trunc(length * stretch) };
  }),
});

describe('krippendorffAlphaU', () => {
  it('reproduces Krippendorff (2004): c .7286, k 1.0000, overall .8591', () => {
    const result = krippendorffAlphaU({ coders: 2, begin: 150, length: 300, spans: K2004 });
    const c = result.categories.get('c')!;
    const k = result.categories.get('k')!;
    expectWithin(c.observedDisagreement, 0.0144, 0.0001);
    expectWithin(c.expectedDisagreement, 0.0532, 0.0001);
    expectWithin(c.alpha, 0.7286, 0.0001);
    expect(k.observedDisagreement).toBe(0);
    expectWithin(k.expectedDisagreement, 0.049, 0.0001);
    expect(k.alpha).toBe(1);
    expectWithin(result.alpha, 0.8591, 0.0005);
  });

  it("reproduces DKPro's own example: -0.7003 (one long unit against three short ones)", () => {
    // r0: -11111111-   r1: --1-1-1---
    const result = krippendorffAlphaU({
      coders: 2,
      length: 10,
      spans: [
        { coder: 0, category: 'A', start: 1, end: 9 },
        { coder: 1, category: 'A', start: 2, end: 3 },
        { coder: 1, category: 'A', start: 4, end: 5 },
        { coder: 1, category: 'A', start: 6, end: 7 },
      ],
    });
    const a = result.categories.get('A')!;
    expectWithin(a.observedDisagreement, 0.91, 0.0001);
    expectWithin(a.expectedDisagreement, 0.5351, 0.0001);
    expectWithin(a.alpha, -0.7003, 0.0001);
  });

  it('reproduces Krippendorff (1995): observed disagreements exactly, alphas as DKPro checks them', () => {
    const exact = krippendorffAlphaU(k1995(1));
    expectWithin(exact.categories.get('A')!.observedDisagreement, 0.03125, 0.00001);
    expectWithin(exact.categories.get('B')!.observedDisagreement, 2.26736, 0.00001);
    expectWithin(exact.categories.get('C')!.observedDisagreement, 0.02777, 0.00001);
    expectWithin(exact.categories.get('D')!.observedDisagreement, 0.38715, 0.00001);
    // The 1995 paper treats the continuum as continuous; DKPro approximates it
    // by stretching the 24 positions to 1.2 million and allows ±0.005 (D_e), ±0.02 (α).
    const fine = krippendorffAlphaU(k1995(1_200_000 / 24));
    const expected = { A: [0.0699, 0.553], B: [1.17731, -0.926], C: [0.08642, 0.679], D: [0.41445, 0.066] } as const;
    for (const [category, [De, alpha]] of Object.entries(expected)) {
      const got = fine.categories.get(category)!;
      expectWithin(got.expectedDisagreement, De, 0.005);
      expectWithin(got.alpha, alpha, 0.02);
    }
  });

  it('gives 1 for identical unitizations and no alpha for a category nobody marked', () => {
    const spans = [
      { coder: 0, category: 'q', start: 3, end: 9 },
      { coder: 1, category: 'q', start: 3, end: 9 },
      { coder: 2, category: 'q', start: 3, end: 9 },
    ];
    const result = krippendorffAlphaU({ coders: 3, length: 40, spans });
    expect(result.alpha).toBe(1);
    expect(result.categories.get('q')!.units).toBe(3);
    expect(krippendorffAlphaU({ coders: 2, length: 40, spans: [] }).alpha).toBeNull();
  });

  it("merges one coder's overlapping units of a category", () => {
    const merged = krippendorffAlphaU({
      coders: 2,
      length: 30,
      spans: [
        { coder: 0, category: 'q', start: 5, end: 12 },
        { coder: 0, category: 'q', start: 10, end: 20 },
        { coder: 1, category: 'q', start: 5, end: 20 },
      ],
    });
    expect(merged.alpha).toBe(1);
    expect(merged.categories.get('q')!.units).toBe(2);
  });

  it('names a span outside the continuum and a coder out of range', () => {
    expect(() => krippendorffAlphaU({ coders: 2, length: 10, spans: [{ coder: 0, category: 'q', start: 5, end: 12 }] })).toThrow(/5–12 of "q"/);
    expect(() => krippendorffAlphaU({ coders: 2, length: 10, spans: [{ coder: 2, category: 'q', start: 1, end: 2 }] })).toThrow(/coder 2/);
  });
});
