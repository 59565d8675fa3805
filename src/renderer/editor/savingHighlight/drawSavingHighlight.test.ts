import { describe, expect, it } from 'vitest';
import { lineBoxes } from './drawSavingHighlight';

describe('lineBoxes', () => {
  it('merges the rects of one line into one box, keeps lines apart, and drops empty rects', () => {
    const rects = [
      { left: 100, right: 180, top: 10, bottom: 30 },
      { left: 180, right: 240, top: 11, bottom: 29 },
      { left: 240, right: 240, top: 10, bottom: 30 },
      { left: 20, right: 90, top: 34, bottom: 54 },
    ];
    expect(lineBoxes(rects)).toEqual([
      { left: 100, right: 240, top: 10, bottom: 30 },
      { left: 20, right: 90, top: 34, bottom: 54 },
    ]);
  });
});
