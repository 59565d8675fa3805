import { describe, expect, it } from 'vitest';
import { cliCount } from './cliCount';
import { quoteTable } from './cliQuotes';
import { alignedGroupLines } from './cliAlign';

describe('cliCount', () => {
  it('groups the digits of a large count, with the noun in the singular or the plural', () => {
    expect(cliCount(100_000, 'article')).toBe('100,000 articles');
    expect(cliCount(1, 'article')).toBe('1 article');
    expect(cliCount(12_345)).toBe('12,345');
    expect(cliCount(2_000, 'entity', 'entities')).toBe('2,000 entities');
  });

  it('is what the quotes and align tables print as their totals', () => {
    expect(quoteTable([], 100_000).at(-1)).toBe('0 quotes in 100,000 articles');
    expect(alignedGroupLines([], 100_000).at(-1)).toBe('0 groups over 100,000 articles');
  });
});
