import { describe, expect, it } from 'vitest';
import { groupPassages } from './groupPassages';

const pair = (a: number, aStart: number, aEnd: number, b: number, bStart: number, bEnd: number) => ({ a, aStart, aEnd, b, bStart, bEnd });

describe('groupPassages', () => {
  it('joins pairs that share a passage of one article into one group', () => {
    const groups = groupPassages([pair(0, 10, 30, 1, 0, 20), pair(0, 12, 31, 2, 5, 24)]);
    expect(groups).toEqual([
      [
        { doc: 0, start: 10, end: 31 },
        { doc: 1, start: 0, end: 20 },
        { doc: 2, start: 5, end: 24 },
      ],
    ]);
  });

  it('keeps passages that only touch at the edges in separate groups', () => {
    const groups = groupPassages([pair(0, 0, 20, 1, 0, 20), pair(0, 18, 40, 2, 0, 22)]);
    expect(groups).toHaveLength(2);
  });

  it('joins a short passage contained in a longer one', () => {
    const groups = groupPassages([pair(0, 0, 40, 1, 0, 40), pair(2, 3, 9, 1, 20, 26)]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.map((s) => s.doc)).toEqual([0, 1, 2]);
  });

  it('lists an article twice when it holds the passage twice', () => {
    const groups = groupPassages([pair(0, 0, 10, 1, 0, 10), pair(0, 50, 60, 1, 2, 9)]);
    expect(groups[0]).toEqual([
      { doc: 0, start: 0, end: 10 },
      { doc: 0, start: 50, end: 60 },
      { doc: 1, start: 0, end: 10 },
    ]);
  });

  it('orders groups by their first passage', () => {
    const groups = groupPassages([pair(1, 50, 60, 2, 0, 10), pair(0, 5, 15, 2, 40, 50)]);
    expect(groups.map((g) => [g[0]!.doc, g[0]!.start])).toEqual([
      [0, 5],
      [1, 50],
    ]);
  });
});
