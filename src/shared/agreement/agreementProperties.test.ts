/**
 * Properties every measure must have, on random data (fast-check): perfect
 * agreement for identical codings, and the same figure whatever the order
 * of the coders.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCoding, groupIdenticalUnits } from './codingData';
import { cohenKappa } from './cohenKappa';
import { fleissKappa } from './fleissKappa';
import { krippendorffAlpha, type AlphaLevel } from './krippendorffAlpha';
import { krippendorffAlphaU, type UnitizedSpan } from './krippendorffAlphaU';
import { percentAgreement } from './percentAgreement';

const LEVELS: AlphaLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

/** coders × units of small positive integers, some missing. */
const codings = (minCoders: number, maxCoders: number, missing: boolean) =>
  fc.integer({ min: minCoders, max: maxCoders }).chain((coders) =>
    fc.integer({ min: 1, max: 30 }).chain((units) =>
      fc.array(fc.array(missing ? fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 5 }) : fc.integer({ min: 1, max: 5 }), { minLength: units, maxLength: units }), {
        minLength: coders,
        maxLength: coders,
      }),
    ),
  );

/** A permutation of 0..n-1 (as a shuffled index list). */
const shuffled = <T>(rows: T[], keys: number[]): T[] => rows.map((row, i) => ({ row, key: keys[i] ?? i })).sort((a, b) => a.key - b.key).map((x) => x.row);

const sameFigure = (a: number | null, b: number | null) => {
  if (a === null || b === null) expect(a).toBe(b);
  else expect(a).toBeCloseTo(b, 9);
};

describe('agreement measures: properties', () => {
  it('alpha is 1 for identical codings (whenever it is defined), at every level', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 2, max: 5 }), (row, coders) => {
        const data = Array.from({ length: coders }, () => row);
        for (const level of LEVELS) {
          const { alpha } = krippendorffAlpha(data, level);
          if (alpha !== null) expect(alpha).toBe(1);
        }
        const kappa = fleissKappa(data).kappa;
        if (kappa !== null) expect(kappa).toBeCloseTo(1, 12);
        if (coders === 2 && cohenKappa(data).kappa !== null) expect(cohenKappa(data).kappa).toBe(1);
        const percent = percentAgreement(data);
        if (percent !== null) expect(percent).toBe(100);
      }),
    );
  });

  it('alpha, kappas and percent agreement do not depend on the order of the coders', () => {
    fc.assert(
      fc.property(codings(2, 5, true), fc.array(fc.integer(), { minLength: 5, maxLength: 5 }), (data, keys) => {
        const other = shuffled(data, keys);
        for (const level of LEVELS) sameFigure(krippendorffAlpha(data, level).alpha, krippendorffAlpha(other, level).alpha);
        sameFigure(fleissKappa(data).kappa, fleissKappa(other).kappa);
        sameFigure(percentAgreement(data), percentAgreement(other));
        if (data.length === 2) sameFigure(cohenKappa(data).kappa, cohenKappa([data[1]!, data[0]!]).kappa);
      }),
    );
  });

  it('gives the same figures with identical units grouped and weighted as without', () => {
    fc.assert(
      fc.property(codings(2, 4, true), (data) => {
        const grouped = groupIdenticalUnits(encodeCoding(data));
        for (const level of LEVELS) {
          const plain = krippendorffAlpha(data, level);
          const weighted = krippendorffAlpha(grouped, level);
          sameFigure(plain.alpha, weighted.alpha);
          expect(weighted.pairableUnits).toBe(plain.pairableUnits);
        }
        sameFigure(fleissKappa(data).kappa, fleissKappa(grouped).kappa);
        expect(fleissKappa(grouped).units).toBe(fleissKappa(data).units);
        sameFigure(percentAgreement(data), percentAgreement(grouped));
        if (data.length === 2) sameFigure(cohenKappa(data).kappa, cohenKappa(grouped).kappa);
      }),
    );
  });

  const unitizings = fc.integer({ min: 2, max: 4 }).chain((coders) =>
    fc.record({
      coders: fc.constant(coders),
      spans: fc.array(
        fc.record({ coder: fc.integer({ min: 0, max: coders - 1 }), category: fc.constantFrom('a', 'b'), start: fc.integer({ min: 0, max: 90 }), length: fc.integer({ min: 1, max: 10 }) }),
        { maxLength: 20 },
      ),
    }),
  );
  const LENGTH = 100;
  const toSpans = (spans: { coder: number; category: string; start: number; length: number }[]): UnitizedSpan[] =>
    spans.map((s) => ({ coder: s.coder, category: s.category, start: s.start, end: s.start + s.length }));

  it('alpha_u is 1 for identical unitizations (whenever defined)', () => {
    fc.assert(
      fc.property(unitizings, ({ coders, spans }) => {
        const one = toSpans(spans).map((s) => ({ ...s, coder: 0 }));
        const all = Array.from({ length: coders }, (_, c) => one.map((s) => ({ ...s, coder: c }))).flat();
        const result = krippendorffAlphaU({ coders, length: LENGTH, spans: all });
        if (result.alpha !== null) expect(result.alpha).toBe(1);
        for (const category of result.categories.values()) if (category.alpha !== null) expect(category.alpha).toBe(1);
      }),
    );
  });

  it('alpha_u does not depend on the order of the coders', () => {
    fc.assert(
      fc.property(unitizings, fc.array(fc.integer(), { minLength: 4, maxLength: 4 }), ({ coders, spans }, keys) => {
        const order = shuffled([...Array(coders).keys()], keys);
        const renamed = toSpans(spans).map((s) => ({ ...s, coder: order[s.coder]! }));
        const a = krippendorffAlphaU({ coders, length: LENGTH, spans: toSpans(spans) });
        const b = krippendorffAlphaU({ coders, length: LENGTH, spans: renamed });
        sameFigure(a.alpha, b.alpha);
        for (const [category, figures] of a.categories) sameFigure(figures.alpha, b.categories.get(category)!.alpha);
      }),
    );
  });
});
