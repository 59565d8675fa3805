import { describe, expect, it } from 'vitest';
import { MIN_SPAN, nextWindow } from './annotationWindowPlugin';

describe('nextWindow', () => {
  const DOC = 60_000;

  it('draws a span above and below what is in view, within the text', () => {
    expect(nextWindow(null, { from: 20_000, to: 23_000 }, DOC)).toEqual({ from: 20_000 - MIN_SPAN, to: 23_000 + MIN_SPAN });
    expect(nextWindow(null, { from: 0, to: 3_000 }, DOC)).toEqual({ from: 0, to: 3_000 + MIN_SPAN });
    expect(nextWindow(null, { from: 58_000, to: 60_000 }, DOC)).toEqual({ from: 58_000 - MIN_SPAN, to: DOC });
  });

  it('takes the view’s own size when it shows more than the least span', () => {
    expect(nextWindow(null, { from: 20_000, to: 30_000 }, DOC)).toEqual({ from: 10_000, to: 40_000 });
  });

  it('stays put while the view keeps half a span of room on both sides, and moves ahead of it after', () => {
    const current = { from: 16_000, to: 27_000 };
    expect(nextWindow(current, { from: 20_000, to: 23_000 }, DOC)).toBeNull();
    expect(nextWindow(current, { from: 22_000, to: 25_000 }, DOC)).toBeNull();
    expect(nextWindow(current, { from: 24_000, to: 27_000 }, DOC)).toEqual({ from: 24_000 - MIN_SPAN, to: 27_000 + MIN_SPAN });
  });

  it('needs no room beyond the start or the end of the text', () => {
    expect(nextWindow({ from: 0, to: 7_000 }, { from: 0, to: 3_000 }, DOC)).toBeNull();
    expect(nextWindow({ from: 54_000, to: DOC }, { from: 58_000, to: DOC }, DOC)).toBeNull();
  });
});
