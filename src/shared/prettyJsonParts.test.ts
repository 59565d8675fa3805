import { describe, expect, it } from 'vitest';
import { prettyJsonClosing, prettyJsonElement, prettyJsonOpening } from './prettyJsonParts';

function pieced(head: Record<string, unknown>, items: unknown[]): string {
  return prettyJsonOpening(head, 'items') + items.map(prettyJsonElement).join('') + prettyJsonClosing(items.length);
}

describe('prettyJsonParts', () => {
  it('gives the same bytes as JSON.stringify with two spaces, for nested values, line breaks in strings and no items', () => {
    const head = { '@context': 'x', total: 2, nested: { a: [1, { b: 'line\nbreak' }] } };
    const items = [{ id: 'a', body: [{ v: 'é "quoted"' }], empty: [], obj: {} }, 'plain', 3, null];
    expect(pieced(head, items)).toBe(`${JSON.stringify({ ...head, items }, null, 2)}\n`);
    expect(pieced(head, [])).toBe(`${JSON.stringify({ ...head, items: [] }, null, 2)}\n`);
  });

  it('refuses a head whose array would not come last', () => {
    expect(() => prettyJsonOpening({ items: 1, after: 2 }, 'items')).toThrow(/last key/);
  });
});
