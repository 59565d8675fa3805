/**
 * Moving one edge of a selection by a word, over the canonical text:
 * `nextWordEnd` (the end of the word at or after an offset) and
 * `previousWordStart` (the start of the word before it). Words are runs of
 * letters, digits, apostrophes and hyphens between them.
 */

const WORD = /[\p{L}\p{N}]/u;
const JOINER = /['’\-‐]/;

function isWord(text: string, i: number): boolean {
  const c = text[i];
  if (c === undefined) return false;
  if (WORD.test(c)) return true;
  // An apostrophe or hyphen inside a word (Russia’s, well-known) belongs to it.
  return JOINER.test(c) && WORD.test(text[i - 1] ?? '') && WORD.test(text[i + 1] ?? '');
}

/** The offset just after the next word ending after `offset` (the text's end when there is none). */
export function nextWordEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && !isWord(text, i)) i++;
  while (i < text.length && isWord(text, i)) i++;
  return i;
}

/** The offset of the start of the word before `offset` (0 when there is none). */
export function previousWordStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && !isWord(text, i - 1)) i--;
  while (i > 0 && isWord(text, i - 1)) i--;
  return i;
}

export type SelectionStep = 'extendEnd' | 'shrinkEnd' | 'extendStart' | 'shrinkStart';

/**
 * The range after one step; a shrink never empties it (the range keeps at
 * least its first or last word).
 */
export function stepSelection(text: string, range: { start: number; end: number }, step: SelectionStep): { start: number; end: number } {
  const { start, end } = range;
  switch (step) {
    case 'extendEnd': {
      const to = nextWordEnd(text, end);
      // No word after the end: the selection stays (it does not swallow trailing punctuation).
      return to > end && isWord(text, to - 1) ? { start, end: to } : range;
    }
    case 'shrinkEnd': {
      const to = previousWordStart(text, end);
      // Back to the end of the word before that start.
      let cut = to;
      while (cut > start && !isWord(text, cut - 1)) cut--;
      return cut > start ? { start, end: cut } : range;
    }
    case 'extendStart': {
      const from = previousWordStart(text, start);
      return from < start && isWord(text, from) ? { start: from, end } : range;
    }
    case 'shrinkStart': {
      let from = nextWordEnd(text, start);
      while (from < end && !isWord(text, from)) from++;
      return from < end ? { start: from, end } : range;
    }
  }
}
