import { describe, expect, it } from 'vitest';
import { prettyJsonClosing, prettyJsonElement, prettyJsonOpening } from './prettyJsonParts';

function pieced(head: Record<string, unknown>, items: unknown[], tail?: Record<string, unknown>): string {
  return prettyJsonOpening(head, 'items') + items.map(prettyJsonElement).join('') + prettyJsonClosing(items.length, tail);
}

describe('prettyJsonParts', () => {
  it('gives the same bytes as JSON.stringify with two spaces, for nested values, line breaks in strings and no items', () => {
    const head = { '@context': 'x', total: 2, nested: { a: [1, { b: 'line\nbreak' }] } };
    const items = [{ id: 'a', body: [{ v: 'é "quoted"' }], empty: [], obj: {} }, 'plain', 3, null];
    expect(pieced(head, items)).toBe(`${JSON.stringify({ ...head, items }, null, 2)}\n`);
    expect(pieced(head, [])).toBe(`${JSON.stringify({ ...head, items: [] }, null, 2)}\n`);
  });

  it('writes fields known only after the array (a count) after it, as JSON.stringify would', () => {
    const head = { type: 'AnnotationCollection' };
    const items = [{ id: 'a' }, { id: 'b' }];
    const tail = { total: 2, note: { by: 'export' } };
    expect(pieced(head, items, tail)).toBe(`${JSON.stringify({ ...head, items, ...tail }, null, 2)}\n`);
    expect(pieced(head, [], { total: 0 })).toBe(`${JSON.stringify({ ...head, items: [], total: 0 }, null, 2)}\n`);
  });

  it('refuses a head whose array would not come last', () => {
    expect(() => prettyJsonOpening({ items: 1, after: 2 }, 'items')).toThrow(/last key/);
  });
});
