import { describe, expect, it } from 'vitest';
import { EVERY_ARTICLE, libraryOutlets, queryLibrary, type LibraryQuery } from './libraryQuery';

const rows: { id: string; title: string; date: string | null; outlet: string | null; author: string | null; counts: Record<string, number> }[] = [
  { id: 'a', title: 'Diplomat quits', date: '2022-05-23', outlet: 'Reuters', author: 'J. Smith', counts: { quote: 2, claim: 1 } },
  { id: 'b', title: 'article 10', date: null, outlet: null, author: null, counts: { quote: 0 } },
  { id: 'c', title: 'Article 9', date: '2022-05-24', outlet: 'BBC', author: null, counts: { quote: 0 } },
  { id: 'd', title: 'Envoy resigns over war', date: '2022-05-23T10:00:00Z', outlet: 'Reuters', author: 'A. Jones', counts: { quote: 5 } },
];
const ids = (q: Partial<LibraryQuery>) => queryLibrary(rows, { ...EVERY_ARTICLE, ...q }).map((r) => r.id);

describe('queryLibrary', () => {
  it('keeps every row in the library order without a query', () => {
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
  });

  it('filters by words in title, outlet or author, in any case', () => {
    expect(ids({ text: 'reuters' })).toEqual(['a', 'd']);
    expect(ids({ text: 'JONES war' })).toEqual(['d']);
    expect(ids({ text: 'nothing like it' })).toEqual([]);
  });

  it('filters by outlet, date range (inclusive) and annotations', () => {
    expect(ids({ outlet: 'BBC' })).toEqual(['c']);
    expect(ids({ from: '2022-05-24' })).toEqual(['c']);
    expect(ids({ from: '2022-05-23', to: '2022-05-23' })).toEqual(['a', 'd']);
    expect(ids({ annotated: 'yes' })).toEqual(['a', 'd']);
    expect(ids({ annotated: 'no' })).toEqual(['b', 'c']);
  });

  it('sorts by any column either way, rows without the value last', () => {
    expect(ids({ sort: { key: 'title', descending: false } })).toEqual(['c', 'b', 'a', 'd']); // numbers in titles in number order
    expect(ids({ sort: { key: 'date', descending: false } })).toEqual(['a', 'd', 'c', 'b']);
    expect(ids({ sort: { key: 'date', descending: true } })).toEqual(['c', 'a', 'd', 'b']);
    expect(ids({ sort: { key: 'outlet', descending: false } })).toEqual(['c', 'a', 'd', 'b']);
    expect(ids({ sort: { key: 'author', descending: true } })).toEqual(['a', 'd', 'b', 'c']);
    expect(ids({ sort: { key: 'annotations', descending: true } })).toEqual(['d', 'a', 'b', 'c']);
  });

  it('lists the outlets once each', () => {
    expect(libraryOutlets(rows)).toEqual(['BBC', 'Reuters']);
  });
});
