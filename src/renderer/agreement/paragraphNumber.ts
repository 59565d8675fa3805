/**
 * Which paragraph of an article's text a passage starts in, counted as the
 * reader shows them (one paragraph a line, blank lines not counted), so the
 * adjudication can say "paragraph 3" where it had character offsets.
 */
export function paragraphNumber(text: string, start: number): number {
  let n = 0;
  let from = 0;
  for (;;) {
    const end = text.indexOf('\n', from);
    const lineEnd = end < 0 ? text.length : end;
    if (text.slice(from, lineEnd).trim() !== '') n += 1;
    if (end < 0 || start <= lineEnd) return Math.max(1, n);
    from = end + 1;
  }
}
