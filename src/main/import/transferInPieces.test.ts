import { describe, expect, it } from 'vitest';
import { putTogether, takeApart } from './transferInPieces';

describe('takeApart and putTogether', () => {
  it('give back the same value, the long arrays sent in slices', () => {
    const items = Array.from({ length: 1_234 }, (_, i) => ({ id: `a${i}`, target: { selector: [{ start: i, end: i + 1 }] } }));
    const value = { type: 'AnnotationCollection', first: { items }, tags: [1, 2, 3], nested: [{ long: Array.from({ length: 700 }, (_, i) => i) }] };
    const expected = structuredClone(value);
    const { skeleton, pieces } = takeApart(value, 500);
    expect(pieces.map((p) => [p.path.join('.'), p.items.length])).toEqual([
      ['first.items', 500],
      ['first.items', 500],
      ['first.items', 234],
      ['nested.0.long', 500],
      ['nested.0.long', 200],
    ]);
    expect((skeleton as typeof value).first.items).toEqual([]);
    // As the pieces arrive: copies of them, the way messages are.
    expect(putTogether(structuredClone(skeleton), pieces.map((p) => structuredClone(p)))).toEqual(expected);
  });

  it('leaves short values and scalars whole', () => {
    expect(takeApart('text')).toEqual({ skeleton: 'text', pieces: [] });
    expect(takeApart(undefined)).toEqual({ skeleton: undefined, pieces: [] });
    expect(takeApart([1, [2, 3]])).toEqual({ skeleton: [1, [2, 3]], pieces: [] });
  });
});
