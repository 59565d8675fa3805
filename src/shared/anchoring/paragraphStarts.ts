/**
 * Paragraph numbers as a reader counts them: each non-blank line of the
 * canonical text is a paragraph; blank lines (empty or only white space) are
 * not counted.
 */

/** Offsets where each paragraph (non-blank line) starts, ascending. */
export function paragraphStarts(text: string): number[] {
  const starts: number[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    if (text.slice(start, end).trim() !== '') starts.push(start);
    if (nl === -1) return starts;
    start = nl + 1;
  }
}

/** 1-based number of the paragraph holding `offset` (1 when it lies before the first). */
export function paragraphNumber(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(1, lo);
}
