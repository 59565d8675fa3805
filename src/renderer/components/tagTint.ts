/**
 * A tag colour (`#rrggbb`) as a translucent `rgba()` tint: light enough that
 * dark text on it keeps AA contrast, and stackable where highlights overlap.
 */
export function tagTint(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  const [r, g, b] = m ? [m[1]!, m[2]!, m[3]!].map((h) => parseInt(h, 16)) : [138, 143, 152];
  const a = Math.min(1, Math.max(0, alpha));
  return `rgba(${r}, ${g}, ${b}, ${a})`;
}
