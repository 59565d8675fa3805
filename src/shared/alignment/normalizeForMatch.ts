/**
 * Text normalised for matching passages across articles, with a map back to
 * the original offsets:
 * - quote marks and apostrophes unified: ’ ‘ ‚ ‛ ` ´ ′ → '   “ ” „ ‟ « » ″ → "
 * - dashes unified: ‐ ‑ ‒ – — ― − → -
 * - runs of white space collapsed to one space, none at either end
 * - case folded (toLowerCase, per code point)
 *
 * `map[i]` is the offset in the original text of `norm[i]`. A normalised
 * range [a, b) covers the original range [map[a], map[b - 1] + 1).
 */

export interface NormalizedText {
  norm: string;
  map: number[];
}

const REPLACEMENTS = new Map<number, number>();
for (const c of '’‘‚‛`´′') REPLACEMENTS.set(c.charCodeAt(0), 0x27);
for (const c of '“”„‟«»″') REPLACEMENTS.set(c.charCodeAt(0), 0x22);
for (const c of '‐‑‒–—―−') REPLACEMENTS.set(c.charCodeAt(0), 0x2d);

const WHITE_SPACE = /\s/;

/** Code units are gathered in chunks to build the string without quadratic concatenation. */
const CHUNK = 8192;

export function normalizeForMatch(text: string): NormalizedText {
  const map: number[] = [];
  const parts: string[] = [];
  let units: number[] = [];
  const emit = (unit: number, offset: number): void => {
    units.push(unit);
    map.push(offset);
    if (units.length === CHUNK) {
      parts.push(String.fromCharCode(...units));
      units = [];
    }
  };

  /** Offset where the pending run of white space began, or -1. */
  let space = -1;
  let i = 0;
  while (i < text.length) {
    const unit = text.charCodeAt(i);
    if (unit === 32 || unit === 9 || unit === 10 || unit === 13 || (unit > 0x7f && WHITE_SPACE.test(text[i]!))) {
      if (space === -1) space = i;
      i++;
      continue;
    }
    if (space !== -1) {
      if (map.length > 0) emit(32, space);
      space = -1;
    }
    if (unit < 0x80) {
      emit(unit >= 65 && unit <= 90 ? unit + 32 : unit === 0x60 ? 0x27 : unit, i);
      i++;
      continue;
    }
    const replacement = REPLACEMENTS.get(unit);
    if (replacement !== undefined) {
      emit(replacement, i);
      i++;
      continue;
    }
    const codePoint = text.codePointAt(i)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const folded = String.fromCodePoint(codePoint).toLowerCase();
    for (let k = 0; k < folded.length; k++) emit(folded.charCodeAt(k), i + Math.min(k, width - 1));
    i += width;
  }
  if (units.length > 0) parts.push(String.fromCharCode(...units));
  return { norm: parts.join(''), map };
}
