/**
 * Cohen's kappa for two coders and nominal values (Cohen 1960):
 * κ = (p_o − p_e) / (1 − p_e), p_o the share of units both coded alike,
 * p_e = Σ_c p_1c p_2c from each coder's own distribution of values. Units
 * either coder left uncoded are left out. null when undefined: no unit both
 * coded, or both coders always used one and the same value (p_e = 1).
 */
import { encodeCoding, type CodedValue, type Coding } from './codingData';

export interface KappaResult {
  kappa: number | null;
  observedAgreement: number;
  expectedAgreement: number;
  /** Units that count (coded by every coder the measure needs). */
  units: number;
}

export function cohenKappa<V extends CodedValue>(data: Coding<V>): KappaResult {
  const { codes, values, weights } = encodeCoding(data);
  if (codes.length !== 2) throw new Error(`Cohen's kappa is for two coders, not ${codes.length}`);
  const [first, second] = codes as [Int32Array, Int32Array];
  const firstCounts = new Float64Array(values.length);
  const secondCounts = new Float64Array(values.length);
  let units = 0;
  let same = 0;
  for (let u = 0; u < first.length; u++) {
    const a = first[u]!;
    const b = second[u]!;
    if (a < 0 || b < 0) continue;
    const times = weights ? weights[u]! : 1;
    units += times;
    if (a === b) same += times;
    firstCounts[a]! += times;
    secondCounts[b]! += times;
  }
  if (units === 0) return { kappa: null, observedAgreement: 0, expectedAgreement: 0, units };
  const po = same / units;
  let pe = 0;
  for (let v = 0; v < values.length; v++) pe += (firstCounts[v]! / units) * (secondCounts[v]! / units);
  return { kappa: pe < 1 ? (po - pe) / (1 - pe) : null, observedAgreement: po, expectedAgreement: pe, units };
}
