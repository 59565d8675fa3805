/** virtualPadding: the space kept above and below the drawn rows of a long list. */
import { describe, expect, it } from 'vitest';
import { virtualPadding } from './virtualPadding';

describe('virtualPadding', () => {
  it('keeps the height of the rows not drawn above and below', () => {
    // 1,000 rows of 40 px; rows 100–109 drawn; list starts 120 px into the scroll element.
    const rows = Array.from({ length: 10 }, (_, i) => ({ start: 120 + (100 + i) * 40, end: 120 + (101 + i) * 40 }));
    expect(virtualPadding(rows, 40_000, 120)).toEqual({ top: 4000, bottom: 40_000 - 110 * 40 });
  });

  it('needs no padding when every row is drawn', () => {
    const rows = [
      { start: 50, end: 90 },
      { start: 90, end: 150 },
    ];
    expect(virtualPadding(rows, 100, 50)).toEqual({ top: 0, bottom: 0 });
  });

  it('leaves room for the gap between a spacer and the first and last drawn rows', () => {
    // 100 rows of 30 px with 6 px gaps (start of row i = i × 36); rows 10–19 drawn.
    const rows = Array.from({ length: 10 }, (_, i) => ({ start: (10 + i) * 36, end: (10 + i) * 36 + 30 }));
    const total = 100 * 36 - 6;
    const { top, bottom } = virtualPadding(rows, total, 0, 6);
    // spacer + gap + rows 10–19 (with their 9 gaps) + gap + spacer = the full list
    expect(top + 6 + (10 * 30 + 9 * 6) + 6 + bottom).toBe(total);
    expect(top + 6).toBe(rows[0]!.start);
  });

  it('draws no padding for an empty list', () => {
    expect(virtualPadding([], 0, 80)).toEqual({ top: 0, bottom: 0 });
  });
});
