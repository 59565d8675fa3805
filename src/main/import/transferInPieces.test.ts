import { describe, expect, it } from 'vitest';
import { putTogether, takeApart } from './transferInPieces';
import { partsOf } from '../store/textParts';

describe('takeApart and putTogether', () => {
  it('give back the same value, the long arrays sent in slices', () => {
    const items = Array.from({ length: 1_234 }, (_, i) => ({ id: `a${i}`, target: { selector: [{ start: i, end: i + 1 }] } }));
    const value = { type: 'AnnotationCollection', first: { items }, tags: [1, 2, 3], nested: [{ long: Array.from({ length: 700 }, (_, i) => i) }] };
    const expected = structuredClone(value);
    const { skeleton, pieces } = takeApart(value, 500);
    expect(pieces.map((p) => [p.path.join('.'), 'items' in p ? p.items.length : -1])).toEqual([
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

  it('send long strings in parts and put them back whole, wherever they are', () => {
    const base64 = 'QUJD'.repeat(2_600);
    const text = `a😀b${'é😀'.repeat(3_000)}`;
    const value = { files: [{ name: 'long.txt', data: base64 }], drafts: [text, 'short'], nested: { text } };
    const expected = structuredClone(value);
    const { skeleton, pieces } = takeApart(value, 500, 1_000);
    expect((skeleton as typeof value).files[0]!.data).toBe('');
    expect(pieces.every((p) => 'text' in p && p.text.length <= 1_000)).toBe(true);
    expect(pieces.filter((p) => p.path.join('.') === 'files.0.data')).toHaveLength(11);
    const whole = putTogether(structuredClone(skeleton), pieces.map((p) => structuredClone(p))) as typeof value;
    expect(whole).toEqual(expected);
    // The parts it was put together from are known, to send it on without copying it whole.
    expect(partsOf(whole.files[0]!.data)?.join('')).toBe(base64);
    expect(partsOf(whole.nested.text)?.join('')).toBe(text);
    expect(partsOf('QUJD'.repeat(10))).toBeNull();
  });

  it('send a long string that is the whole value in parts too', () => {
    const text = 'x'.repeat(2_500);
    const { skeleton, pieces } = takeApart(text, 500, 1_000);
    expect(skeleton).toBe('');
    expect(pieces).toHaveLength(3);
    expect(putTogether(skeleton, pieces)).toBe(text);
  });
});
