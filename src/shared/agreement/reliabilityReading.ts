/**
 * The usual reading of an alpha (Krippendorff 2004, §11.4.4): α ≥ .800 the
 * data are reliable; .667 ≤ α < .800 only tentative conclusions; below
 * .667 unreliable. An undefined alpha (null) has no reading.
 */
export type ReliabilityReading = 'reliable' | 'tentative' | 'unreliable' | 'undefined';

export function reliabilityReading(alpha: number | null): ReliabilityReading {
  if (alpha === null || Number.isNaN(alpha)) return 'undefined';
  if (alpha >= 0.8) return 'reliable';
  if (alpha >= 0.667) return 'tentative';
  return 'unreliable';
}
