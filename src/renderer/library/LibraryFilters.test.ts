import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { LibraryFilters } from './LibraryFilters';
import type { LibraryOrderQuery } from '../../shared/search/libraryWindow';
import { DEFAULT_LIBRARY_QUERY } from './libraryPages';

const noFilter: LibraryOrderQuery = DEFAULT_LIBRARY_QUERY;

function countShown(shown: number, total: number, query: LibraryOrderQuery = noFilter): string {
  const html = renderToStaticMarkup(createElement(LibraryFilters, { query, outlets: [], shown, total, onChange: () => undefined }));
  return /role="status">([^<]*)</.exec(html)?.[1] ?? '';
}

describe('LibraryFilters', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the size of a large library with the digits grouped (English)', () => {
    vi.stubGlobal('navigator', { languages: ['en-US'] });
    expect(countShown(100_000, 100_000)).toBe('100,000 articles');
    expect(countShown(12_345, 100_000, { ...noFilter, filter: 'storm' })).toBe('12,345 of 100,000 articles');
  });

  it("groups them as the user's language does", () => {
    vi.stubGlobal('navigator', { languages: ['de-DE'] });
    expect(countShown(100_000, 100_000)).toBe('100.000 articles');
  });
});
