import { describe, expect, it } from 'vitest';
import { jsonNestingProblem, MAX_JSON_NESTING } from './jsonNestingProblem';

const deep = (n: number): string => '['.repeat(n) + ']'.repeat(n);

describe('jsonNestingProblem', () => {
  it('lets ordinary JSON through, as text or as bytes', () => {
    const text = JSON.stringify({ type: 'AnnotationCollection', first: { items: [{ target: { selector: [{ type: 'TextQuoteSelector', exact: '[{"' }] } }] } });
    expect(jsonNestingProblem(text)).toBeNull();
    expect(jsonNestingProblem(Buffer.from(text))).toBeNull();
    expect(jsonNestingProblem(deep(MAX_JSON_NESTING))).toBeNull();
  });

  it('refuses one level past the limit, naming the line, without quoting the text', () => {
    const problem = jsonNestingProblem(`{\n"a":\n${deep(MAX_JSON_NESTING + 1)}}`);
    expect(problem).toMatch(/too deeply nested: more than 100 levels .*at line 3/);
    expect(jsonNestingProblem(Buffer.from(deep(1_000_000)))).toMatch(/too deeply nested/);
  });

  it('refuses more values than asked for, before parsing, and lets as many through', () => {
    const many = `[${'{},'.repeat(999)}{}]`;
    expect(jsonNestingProblem(many, { maxValues: 2_000 })).toBeNull();
    expect(jsonNestingProblem(Buffer.from(many), { maxValues: 1_999, tooManyValues: 'it needs more than 1 MB of memory to read' })).toBe(
      'it needs more than 1 MB of memory to read: it holds more than 1,999 arrays, objects and members; nothing was read',
    );
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ s: '['.repeat(500) + '\\"' + '{'.repeat(500) });
    expect(jsonNestingProblem(text)).toBeNull();
    expect(jsonNestingProblem(Buffer.from(text))).toBeNull();
  });
});
