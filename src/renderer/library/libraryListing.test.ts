import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../shared/model/model';
import { fetchLibraryListing, refreshLibraryListing } from './libraryListing';

function fakeLibrary() {
  let revision = 1;
  let titles = ['First'];
  const calls: string[] = [];
  const api = {
    libraryRevision: async () => {
      calls.push('libraryRevision');
      return `s.${revision}`;
    },
    listArticles: async () => {
      calls.push('listArticles');
      return titles.map((title, i) => ({ id: `a${i}`, title }) as ArticleSummary);
    },
  };
  const change = (next: string[]) => {
    titles = next;
    revision++;
  };
  return { api, calls, change };
}

describe('libraryListing', () => {
  it('fetches the list again only when the library changed since', async () => {
    const { api, calls, change } = fakeLibrary();
    const first = await fetchLibraryListing(api);
    expect(first.articles.map((a) => a.title)).toEqual(['First']);

    calls.length = 0;
    expect(await refreshLibraryListing(api, first)).toBe(first);
    expect(calls).toEqual(['libraryRevision']);

    change(['First', 'Second']);
    calls.length = 0;
    const second = await refreshLibraryListing(api, first);
    expect(second.articles.map((a) => a.title)).toEqual(['First', 'Second']);
    expect(calls).toContain('listArticles');
    expect(await refreshLibraryListing(api, second)).toBe(second);
  });
});
