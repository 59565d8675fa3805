import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatCount } from './formatCount';

describe('formatCount', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('groups the digits of a large count as English does', () => {
    expect(formatCount(100_000, 'article', undefined, 'en')).toBe('100,000 articles');
    expect(formatCount(1_234_567, undefined, undefined, 'en')).toBe('1,234,567');
  });

  it('groups them as the locale does', () => {
    expect(formatCount(100_000, 'article', undefined, 'de')).toBe('100.000 articles');
  });

  it('says one in the singular and takes an irregular plural', () => {
    expect(formatCount(1, 'article', undefined, 'en')).toBe('1 article');
    expect(formatCount(0, 'article', undefined, 'en')).toBe('0 articles');
    expect(formatCount(12_000, 'entity', 'entities', 'en')).toBe('12,000 entities');
  });

  it("uses the user's preferred languages when no locale is named", () => {
    vi.stubGlobal('navigator', { languages: ['de-DE', 'en'] });
    expect(formatCount(100_000, 'article')).toBe('100.000 articles');
    vi.stubGlobal('navigator', { languages: ['en-GB'] });
    expect(formatCount(100_000, 'article')).toBe('100,000 articles');
  });
});
