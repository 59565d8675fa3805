/**
 * Krippendorff's alpha for coding data, any number of coders, missing values
 * allowed, by the coincidence-matrix formulation of Krippendorff (2011),
 * "Computing Krippendorff's Alpha-Reliability":
 *
 *   o_ck = Σ_u (number of c–k pairs of values in u, ordered, from different coders) / (m_u − 1)
 *   n_c  = Σ_k o_ck,  n = Σ_c n_c                      (units with m_u < 2 values do not count)
 *   D_o  = Σ_c Σ_k o_ck δ²_ck / n
 *   D_e  = Σ_c Σ_k n_c n_k δ²_ck / (n (n − 1))
 *   α    = 1 − D_o / D_e
 *
 * with the difference functions δ² of the nominal, ordinal, interval and
 * ratio metrics. α is null when it is undefined: no unit holds two values,
 * or every value is the same (D_e = 0, no variation to agree on).
 */
import { encodeCoding, type CodedValue, type Coding } from './codingData';

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export interface AlphaOptions<V extends CodedValue> {
  /** The values' order for `ordinal` when they are not numbers (lowest first). */
  order?: readonly V[];
}

export interface AlphaResult {
  /** null when undefined (see above). */
  alpha: number | null;
  observedDisagreement: number;
  expectedDisagreement: number;
  /** n: the pairable values (values in units that hold at least two). */
  pairableValues: number;
  /** Units that hold at least two values. */
  pairableUnits: number;
}

export function krippendorffAlpha<V extends CodedValue>(data: Coding<V>, level: AlphaLevel, options: AlphaOptions<V> = {}): AlphaResult {
  const { codes, values: seen, units, weights } = encodeCoding(data);
  const coders = codes.length;

  // The distinct values in the order the metric needs, and each code's place in it.
  const values = orderValues([...seen], level, options);
  const rankOf = new Map<V, number>(values.map((v, i) => [v, i]));
  const rank = Int32Array.from(seen, (v) => rankOf.get(v)!);
  const V = values.length;

  // The coincidence matrix.
  const o = new Float64Array(V * V);
  const inUnit = new Int32Array(coders);
  let pairableUnits = 0;
  for (let u = 0; u < units; u++) {
    let m = 0;
    for (let r = 0; r < coders; r++) {
      const code = codes[r]![u]!;
      if (code >= 0) inUnit[m++] = rank[code]!;
    }
    if (m < 2) continue;
    const times = weights ? weights[u]! : 1;
    pairableUnits += times;
    const weight = times / (m - 1);
    for (let a = 0; a < m; a++) {
      const row = inUnit[a]! * V;
      for (let b = 0; b < m; b++) if (a !== b) o[row + inUnit[b]!]! += weight;
    }
  }
  const marginals = new Float64Array(V);
  let n = 0;
  for (let c = 0; c < V; c++) {
    let sum = 0;
    for (let k = 0; k < V; k++) sum += o[c * V + k]!;
    marginals[c] = sum;
    n += sum;
  }
  // Sums of weights are fractions; round away float dust (n is a whole number of values).
  n = Math.round(n * 1e9) / 1e9;

  const delta = differenceFunction(level, values as readonly CodedValue[], marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < V; c++) {
    for (let k = 0; k < V; k++) {
      if (c === k) continue;
      const d = delta(c, k);
      observed += o[c * V + k]! * d;
      expected += marginals[c]! * marginals[k]! * d;
    }
  }
  const Do = n > 0 ? observed / n : 0;
  const De = n > 1 ? expected / (n * (n - 1)) : 0;
  const alpha = n > 1 && De > 0 ? 1 - Do / De : null;
  return { alpha, observedDisagreement: Do, expectedDisagreement: De, pairableValues: n, pairableUnits };
}

function orderValues<V extends CodedValue>(values: V[], level: AlphaLevel, options: AlphaOptions<V>): V[] {
  if (level === 'interval' || level === 'ratio') {
    const bad = values.find((v) => typeof v !== 'number');
    if (bad !== undefined) throw new Error(`${level} alpha needs numbers; got ${JSON.stringify(bad)}`);
    return values.sort((a, b) => (a as number) - (b as number));
  }
  if (level === 'ordinal') {
    if (options.order) {
      const rank = new Map(options.order.map((v, i) => [v, i]));
      const unknown = values.find((v) => !rank.has(v));
      if (unknown !== undefined) throw new Error(`ordinal alpha: the value ${JSON.stringify(unknown)} is not in the given order`);
      return values.sort((a, b) => rank.get(a)! - rank.get(b)!);
    }
    const bad = values.find((v) => typeof v !== 'number');
    if (bad !== undefined) throw new Error(`ordinal alpha needs numbers or an order for the values; got ${JSON.stringify(bad)}`);
    return values.sort((a, b) => (a as number) - (b as number));
  }
  return values;
}

/** δ²(c, k) over value indices (values in metric order). */
function differenceFunction(level: AlphaLevel, values: readonly CodedValue[], marginals: Float64Array): (c: number, k: number) => number {
  switch (level) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'interval':
      return (c, k) => ((values[c] as number) - (values[k] as number)) ** 2;
    case 'ratio':
      return (c, k) => {
        const a = values[c] as number;
        const b = values[k] as number;
        return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
      };
    case 'ordinal': {
      // Cumulative marginals: Σ_{g=c..k} n_g − (n_c + n_k)/2.
      const cumulative = new Float64Array(marginals.length + 1);
      for (let i = 0; i < marginals.length; i++) cumulative[i + 1] = cumulative[i]! + marginals[i]!;
      return (c, k) => {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        return (cumulative[hi + 1]! - cumulative[lo]! - (marginals[c]! + marginals[k]!) / 2) ** 2;
      };
    }
  }
}
