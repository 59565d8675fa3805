/**
 * Maps an article's canonical text (lines separated by "\n") to the block
 * structure the editor shows: one paragraph per line. Offsets in the text and
 * positions in the ProseMirror document convert both ways through here.
 *
 * ProseMirror positions: the document opens at 0; paragraph k's content
 * starts at `1 + sum(len(line_i) + 2 for i < k)` (each paragraph adds an
 * opening and a closing token). The "\n" after line k has no position of its
 * own: it maps to the end of paragraph k.
 */
export interface TextBlock {
  /** Offset of the line's first character in the canonical text. */
  start: number;
  /** Offset just past the line's last character (the "\n" is not included). */
  end: number;
  /** ProseMirror position of the line's first character. */
  pos: number;
}

export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let start = 0;
  let pos = 1;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    blocks.push({ start, end, pos });
    pos += end - start + 2;
    if (nl === -1) break;
    start = nl + 1;
  }
  return blocks;
}

/** Index of the block holding `offset` (binary search). */
function blockIndexForOffset(blocks: readonly TextBlock[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function offsetToPos(blocks: readonly TextBlock[], offset: number): number {
  const b = blocks[blockIndexForOffset(blocks, offset)]!;
  return b.pos + Math.min(offset, b.end) - b.start;
}

export function posToOffset(blocks: readonly TextBlock[], pos: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid]!.pos <= pos) lo = mid;
    else hi = mid - 1;
  }
  const b = blocks[lo]!;
  return b.start + Math.max(0, Math.min(pos - b.pos, b.end - b.start));
}
