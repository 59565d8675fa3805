import { describe, expect, it } from 'vitest';
import { jsonSyntaxProblem } from './jsonSyntaxProblem';

function problemOf(source: string): string {
  try {
    JSON.parse(source);
  } catch (error) {
    return jsonSyntaxProblem(source, error);
  }
  throw new Error('parsed');
}

describe('jsonSyntaxProblem', () => {
  it.each([
    'SECRET-TOKEN-7f3a is the first line\nand more',
    '[SECRET-TOKEN-7f3a]',
    '{"a": 1} SECRET-TOKEN-7f3a',
    '{"SECRET-TOKEN-7f3a',
    '{"a": "SECRET-TOKEN-7f3a\u0001"}',
  ])('says what is wrong without quoting the text (%j)', (source) => {
    const problem = problemOf(source);
    expect(problem).not.toMatch(/SECRET|TOKEN|7f3a/);
    expect(problem.length).toBeGreaterThan(5);
  });

  it('gives the line and column where the parser stopped when it knows it', () => {
    expect(problemOf('{\n  "a": 1,\n  oops\n}')).toBe('a syntax error at line 3, column 3');
    expect(problemOf('{"a": 1}\n x')).toBe('there is more after the JSON value at line 2, column 2');
  });

  it('tells a text cut short', () => {
    expect(problemOf('{"a": [1, 2')).toBe('it ends part way');
    expect(problemOf('')).toBe('it ends part way');
  });
});
