import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../shared/model/model';
import type { LibraryWindow } from '../../shared/search/libraryWindow';
import { DEFAULT_LIBRARY_QUERY, PAGE_SIZE, indexOfArticle, missingPages, pagesFor, rowAt, withPage } from './libraryPages';

const row = (n: number): ArticleSummary => ({ id: `a${n}`, title: `Article ${n}`, date: null, outlet: null, author: null, counts: {} });
const page = (p: number, total: number, revision = 'r1'): LibraryWindow => ({
  total,
  libraryTotal: total,
  outlets: [],
  offset: p * PAGE_SIZE,
  rows: Array.from({ length: Math.max(0, Math.min(PAGE_SIZE, total - p * PAGE_SIZE)) }, (_, i) => row(p * PAGE_SIZE + i)),
  revision,
  countsPending: 0,
});

describe('library pages', () => {
  it('asks for the pages that hold the rows in view, once each', () => {
    expect(pagesFor(0, 30)).toEqual([0]);
    expect(pagesFor(95, 130)).toEqual([0, 1]);
    let known = withPage(null, DEFAULT_LIBRARY_QUERY, 0, page(0, 250));
    expect(missingPages(known, 95, 130)).toEqual([1]);
    known = withPage(known, DEFAULT_LIBRARY_QUERY, 1, page(1, 250));
    expect(missingPages(known, 95, 130)).toEqual([]);
    // Nothing past the end of the list.
    expect(missingPages(known, 190, 900)).toEqual([2]);
    expect(missingPages(known, 260, 900)).toEqual([]);
  });

  it('finds rows by index and by id among the pages fetched', () => {
    let known = withPage(null, DEFAULT_LIBRARY_QUERY, 0, page(0, 250));
    known = withPage(known, DEFAULT_LIBRARY_QUERY, 2, page(2, 250));
    expect(rowAt(known, 5)?.id).toBe('a5');
    expect(rowAt(known, 120)).toBeUndefined();
    expect(rowAt(known, 249)?.id).toBe('a249');
    expect(indexOfArticle(known, 'a210')).toBe(210);
    expect(indexOfArticle(known, 'a150')).toBeUndefined();
  });

  it('drops the pages of an older revision or another query when a new page arrives', () => {
    let known = withPage(null, DEFAULT_LIBRARY_QUERY, 0, page(0, 250));
    known = withPage(known, DEFAULT_LIBRARY_QUERY, 1, page(1, 251, 'r2'));
    expect(known.total).toBe(251);
    expect(rowAt(known, 0)).toBeUndefined();
    expect(rowAt(known, 100)?.id).toBe('a100');
    const sorted = withPage(known, { ...DEFAULT_LIBRARY_QUERY, sort: 'title' }, 0, page(0, 251, 'r2'));
    expect(sorted.pages.has(1)).toBe(false);
  });
});
