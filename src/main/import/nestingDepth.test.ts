import { describe, expect, it } from 'vitest';
import { htmlNestingProblem, markdownNestingProblem } from './nestingDepth';

/** n list levels, one item a line, each indented two more columns (the shape that took the host down). */
const nestedList = (n: number): string => Array.from({ length: n }, (_, i) => `${' '.repeat(2 * i)}- item ${i}`).join('\n');

describe('markdownNestingProblem', () => {
  it('lets ordinary Markdown through: lists, quotes, code, a few levels deep', () => {
    const md = `# Title\n\nA paragraph.\n\n- one\n  - two\n    - three\n\n> quoted\n> > twice\n\n1. first\n2. second\n\n${' '.repeat(400)}indented code, not a list\n`;
    expect(markdownNestingProblem(md)).toBeNull();
    expect(markdownNestingProblem(nestedList(100))).toBeNull();
  });

  it('refuses 3,000 nested list levels at once, naming the first line too deep', () => {
    const started = performance.now();
    expect(markdownNestingProblem(nestedList(3_000))).toBe(
      'it is too deeply nested: more than 100 levels of lists, quotes or elements (at line 101); articles nest a few levels, so nothing was read',
    );
    // Printed, not asserted: the scan reads a few kB before refusing.
    console.log(`markdown pre-scan of 3,000 levels (${(nestedList(3_000).length / 1e6).toFixed(1)} MB): ${(performance.now() - started).toFixed(1)} ms`);
  });

  it.each([
    ['markers on one line', `${'- '.repeat(500)}x`],
    ['quotes on one line', `${'> '.repeat(500)}x`],
    ['quotes without spaces', `${'>'.repeat(500)}x`],
    ['tabs', Array.from({ length: 200 }, (_, i) => `${'\t'.repeat(i)}* x`).join('\n')],
  ])('refuses deep nesting written as %s', (_how, md) => {
    expect(markdownNestingProblem(md)).toMatch(/^it is too deeply nested/);
  });
});

describe('htmlNestingProblem', () => {
  it('lets ordinary pages through, unclosed paragraphs and list items included', () => {
    const page = `<html><body>${'<div>'.repeat(60)}<p>one<p>two<ul>${'<li>item'.repeat(5_000)}</ul>${'<br><img src=x>'.repeat(1_000)}${'</div>'.repeat(60)}</body></html>`;
    expect(htmlNestingProblem(page)).toBeNull();
    expect(htmlNestingProblem(`${'<p>text'.repeat(50_000)}`)).toBeNull();
  });

  it('refuses 100,000 nested elements, closed or not', () => {
    const started = performance.now();
    expect(htmlNestingProblem(`<body>${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}</body>`)).toMatch(/^it is too deeply nested: more than 400 levels/);
    expect(htmlNestingProblem(`${'<span><b>'.repeat(50_000)}x`)).toMatch(/^it is too deeply nested/);
    console.log(`html pre-scan of 100,000 levels: ${(performance.now() - started).toFixed(1)} ms`);
  });
});
