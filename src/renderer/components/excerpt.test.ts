import { describe, it, expect } from 'vitest';
import { excerpt } from './excerpt';

describe('excerpt', () => {
  it('keeps short text as it is, on one line', () => {
    expect(excerpt('  He said\n\n“no”.  ')).toBe('He said “no”.');
  });

  it('cuts long text at a word boundary and adds an ellipsis', () => {
    const text = 'The aggressive war unleashed by Putin against Ukraine is a crime';
    const out = excerpt(text, 30);
    expect(out).toBe('The aggressive war unleashed…');
    expect(out.length).toBeLessThanOrEqual(30);
  });

  it('cuts inside a word when there is no space late enough', () => {
    expect(excerpt('Antidisestablishmentarianism forever', 10)).toBe('Antidises…');
  });
});
