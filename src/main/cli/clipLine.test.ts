import { describe, expect, it } from 'vitest';
import { clipLine } from './clipLine';

describe('clipLine', () => {
  it('collapses white space and line breaks into one line', () => {
    expect(clipLine('  one\n“two”\t three ', 40)).toBe('one “two” three');
  });

  it('cuts a long line to the width, ending in an ellipsis', () => {
    expect(clipLine('abcdefghij', 5)).toBe('abcd…');
    expect(clipLine('abcde', 5)).toBe('abcde');
  });
});
