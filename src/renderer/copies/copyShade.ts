/** The shade of a who-copies-whom cell: one of six steps by the share (0–1) of the row article's words. */
export type CopyShade = 0 | 1 | 2 | 3 | 4 | 5;

export function copyShade(share: number): CopyShade {
  if (share <= 0) return 0;
  if (share < 0.1) return 1;
  if (share < 0.25) return 2;
  if (share < 0.5) return 3;
  if (share < 0.75) return 4;
  return 5;
}

/** The figure written in a cell: whole percent, "<1%" for a trace rather than a misleading 0%. */
export function copyPercent(share: number): string {
  if (share <= 0) return '0%';
  if (share < 0.01) return '<1%';
  return `${Math.round(share * 100)}%`;
}
