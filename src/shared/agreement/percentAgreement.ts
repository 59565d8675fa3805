/**
 * Percent agreement: of all pairs of values two different coders gave one
 * unit, the share that are equal, in percent (for two coders, the share of
 * units both coded alike). Not corrected for chance: report it beside alpha,
 * never instead. null when no unit holds two values.
 */
import { encodeCoding, type CodedValue, type Coding } from './codingData';

export function percentAgreement<V extends CodedValue>(data: Coding<V>): number | null {
  const { codes, units, weights } = encodeCoding(data);
  let pairs = 0;
  let agreeing = 0;
  for (let u = 0; u < units; u++) {
    const times = weights ? weights[u]! : 1;
    for (let a = 0; a < codes.length; a++) {
      const x = codes[a]![u]!;
      if (x < 0) continue;
      for (let b = a + 1; b < codes.length; b++) {
        const y = codes[b]![u]!;
        if (y < 0) continue;
        pairs += times;
        if (x === y) agreeing += times;
      }
    }
  }
  return pairs > 0 ? (100 * agreeing) / pairs : null;
}
