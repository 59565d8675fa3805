/**
 * The blank space above and below the rows a virtualised list draws, so the
 * list keeps its full height (and the scroll bar its true size) while only the
 * visible rows are in the DOM. Row starts count from the scroll element's top
 * (they include `scrollMargin`, the list's offset in it); the total size does not.
 * With a gap between rows (flex or grid gap), each spacer is itself a row that
 * the gap follows or precedes, so it is one gap shorter.
 */
export interface VirtualRowSpan {
  start: number;
  end: number;
}

export function virtualPadding(
  rows: readonly VirtualRowSpan[],
  totalSize: number,
  scrollMargin: number,
  gap = 0,
): { top: number; bottom: number } {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return { top: 0, bottom: 0 };
  return {
    top: Math.max(0, first.start - scrollMargin - gap),
    bottom: Math.max(0, totalSize - (last.end - scrollMargin) - gap),
  };
}
