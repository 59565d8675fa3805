import { describe, it, expect } from 'vitest';
import { annotationsAtOffset } from './annotationsAtOffset';

const list = [
  { id: 'inner', start: 10, end: 15 },
  { id: 'outer', start: 5, end: 30 },
  { id: 'later', start: 40, end: 45 },
];

describe('annotationsAtOffset', () => {
  it('finds every annotation around the caret, outermost first', () => {
    expect(annotationsAtOffset(list, 12).map((a) => a.id)).toEqual(['outer', 'inner']);
  });

  it('counts a caret at either edge of a highlight as in it', () => {
    expect(annotationsAtOffset(list, 40).map((a) => a.id)).toEqual(['later']);
    expect(annotationsAtOffset(list, 45).map((a) => a.id)).toEqual(['later']);
  });

  it('finds nothing between highlights', () => {
    expect(annotationsAtOffset(list, 35)).toEqual([]);
  });
});
