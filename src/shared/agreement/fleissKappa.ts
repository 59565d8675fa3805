/**
 * Fleiss' kappa for any number of coders and nominal values (Fleiss 1971):
 * per unit P_i = (Σ_j n_ij² − r) / (r (r − 1)) with r the coders, P̄ their
 * mean, P_e = Σ_j p_j² from the pooled distribution of values,
 * κ = (P̄ − P_e) / (1 − P_e). The measure needs every unit coded by every
 * coder: units with a missing value are left out. null when undefined (no
 * complete unit, or one value throughout).
 */
import { encodeCoding, type CodedValue, type Coding } from './codingData';
import type { KappaResult } from './cohenKappa';

export function fleissKappa<V extends CodedValue>(data: Coding<V>): KappaResult {
  const { codes, values, units: n, weights } = encodeCoding(data);
  const r = codes.length;
  if (r < 2) throw new Error(`Fleiss' kappa needs at least two coders, not ${r}`);
  const pooled = new Float64Array(values.length);
  let units = 0;
  let agreementSum = 0;
  units: for (let u = 0; u < n; u++) {
    for (let c = 0; c < r; c++) if (codes[c]![u]! < 0) continue units;
    const times = weights ? weights[u]! : 1;
    units += times;
    // Σ_j n_ij² − r = the ordered pairs of different raters that agree.
    let agreeingPairs = 0;
    for (let a = 0; a < r; a++) {
      const code = codes[a]![u]!;
      pooled[code]! += times;
      for (let b = a + 1; b < r; b++) if (codes[b]![u] === code) agreeingPairs += 2;
    }
    agreementSum += (times * agreeingPairs) / (r * (r - 1));
  }
  if (units === 0) return { kappa: null, observedAgreement: 0, expectedAgreement: 0, units };
  const observed = agreementSum / units;
  let expected = 0;
  for (const count of pooled) expected += (count / (units * r)) ** 2;
  return { kappa: expected < 1 ? (observed - expected) / (1 - expected) : null, observedAgreement: observed, expectedAgreement: expected, units };
}
