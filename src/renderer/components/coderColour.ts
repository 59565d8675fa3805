/**
 * A coder's colour: the one they chose, else one of a few dark, distinct
 * colours picked by their name (the same name always gets the same colour),
 * dark enough for a 3:1 contrast as an edge or a badge on the page.
 */
const PALETTE = ['#1f6f8b', '#a3461d', '#5b4a9e', '#2f7a3a', '#9b2f6b', '#6b5a1e', '#2d5b88', '#8a3b3b'] as const;

export function coderColour(name: string, chosen?: string | null): string {
  if (chosen && /^#[0-9a-f]{6}$/i.test(chosen)) return chosen;
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

/** Black or white, whichever reads better on the colour (WCAG relative luminance). */
export function textOn(colour: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!m) return '#fff';
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  // Contrast with white (1.05 / (L + 0.05)) against contrast with black ((L + 0.05) / 0.05).
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#fff' : '#000';
}
