/**
 * The units a text is cut into for coding agreement: its words (as the quote
 * tokenizer, textTokens, has them: letters, digits and marks, with inner
 * apostrophes and hyphens; punctuation left out) or its sentences
 * (Intl.Segmenter, the Unicode sentence rules, white space trimmed off).
 * Offsets in two parallel arrays: 700,000 words of a library are not
 * 700,000 objects.
 */
export type UnitKind = 'tokens' | 'sentences';

export interface TextUnits {
  /** starts[i]–ends[i] is unit i, in text order. */
  starts: Int32Array;
  ends: Int32Array;
}

/** A word: textTokens' rule (joiners ' ’ - ‐ between word characters). */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['\u2019\u002d\u2010][\p{L}\p{N}\p{M}]+)*/gu;

export function codingUnits(text: string, kind: UnitKind, language?: string | null): TextUnits {
  const starts: number[] = [];
  const ends: number[] = [];
  if (kind === 'tokens') {
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
  } else {
    const segmenter = new Intl.Segmenter(validLocale(language), { granularity: 'sentence' });
    for (const { segment, index } of segmenter.segment(text)) {
      const lead = segment.length - segment.trimStart().length;
      const trimmed = segment.trim();
      if (trimmed) {
        starts.push(index + lead);
        ends.push(index + lead + trimmed.length);
      }
    }
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

function validLocale(language: string | null | undefined): string {
  if (!language) return 'en';
  try {
    return Intl.getCanonicalLocales(language)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
