/**
 * The text range a selection in the reader stands for: ProseMirror positions
 * to offsets in the canonical text, trimmed of white space at either end.
 * Null when nothing but white space (or nothing at all) is selected: no
 * annotation should be offered or made for it.
 */
import { trimRange } from '../../shared/anchoring/quoteSelector';
import { widenToCharacters } from '../../shared/anchoring/surrogatePairs';
import { posToOffset, type TextBlock } from '../../shared/anchoring/textBlocks';

export interface TextRange {
  start: number;
  end: number;
}

export function selectionRange(text: string, blocks: readonly TextBlock[], from: number, to: number): TextRange | null {
  // A selection never splits an emoji (a surrogate pair): it takes the whole character, which the core then accepts.
  const { start: a, end: b } = widenToCharacters(text, posToOffset(blocks, Math.min(from, to)), posToOffset(blocks, Math.max(from, to)));
  return a < b ? trimRange(text, a, b) : null;
}
