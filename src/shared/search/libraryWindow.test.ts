import { describe, expect, it } from 'vitest';
import { libraryOutlets, LibraryWindowQuerySchema, orderLibrary, windowOf, type LibraryOrderQuery, type LibraryRow } from './libraryWindow';

const rows: LibraryRow[] = [
  { id: 'a1', title: 'Budget vote delayed', outlet: 'The Herald', date: '2024-03-02' },
  { id: 'a2', title: 'article 10 on ports', outlet: null, date: '2023-12-31' },
  { id: 'a3', title: 'Article 9 on ports', outlet: 'Daily Post', date: null },
  { id: 'a4', title: 'Council says “no”', outlet: 'the herald', date: '2024-01-15' },
];
const counts: Record<string, number> = { a1: 3, a2: 0, a3: 7, a4: 3 };
const ids = (q: Partial<LibraryOrderQuery>) =>
  orderLibrary(rows, { ...DEFAULT_ORDER, ...q }, (id) => counts[id] ?? 0).map((i) => rows[i]!.id);
const DEFAULT_ORDER: LibraryOrderQuery = { sort: 'library', direction: 'asc', filter: '', outlet: null, from: null, to: null, annotated: 'any' };

describe('orderLibrary', () => {
  it('keeps the library order by default, and reverses it', () => {
    expect(ids({})).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(ids({ direction: 'desc' })).toEqual(['a4', 'a3', 'a2', 'a1']);
  });

  it('sorts titles as a reader would: any case, numbers by value', () => {
    expect(ids({ sort: 'title' })).toEqual(['a3', 'a2', 'a1', 'a4']);
    expect(ids({ sort: 'title', direction: 'desc' })).toEqual(['a4', 'a1', 'a2', 'a3']);
  });

  it('puts articles without an outlet or a date last, whichever the direction; ties keep library order', () => {
    expect(ids({ sort: 'outlet' })).toEqual(['a3', 'a1', 'a4', 'a2']);
    expect(ids({ sort: 'outlet', direction: 'desc' })).toEqual(['a1', 'a4', 'a3', 'a2']);
    expect(ids({ sort: 'date' })).toEqual(['a2', 'a4', 'a1', 'a3']);
    expect(ids({ sort: 'date', direction: 'desc' })).toEqual(['a1', 'a4', 'a2', 'a3']);
  });

  it('sorts by annotation count, ties in library order', () => {
    expect(ids({ sort: 'annotations' })).toEqual(['a2', 'a1', 'a4', 'a3']);
    expect(ids({ sort: 'annotations', direction: 'desc' })).toEqual(['a3', 'a1', 'a4', 'a2']);
  });

  it('filters on title, outlet, date and id, ignoring case and quote marks', () => {
    expect(ids({ filter: 'PORTS' })).toEqual(['a2', 'a3']);
    expect(ids({ filter: 'herald' })).toEqual(['a1', 'a4']);
    expect(ids({ filter: 'says "no"' })).toEqual(['a4']);
    expect(ids({ filter: '2024-0' })).toEqual(['a1', 'a4']);
    expect(ids({ filter: 'a3' })).toEqual(['a3']);
    expect(ids({ filter: 'nothing like this' })).toEqual([]);
    expect(ids({ filter: '   ' })).toEqual(['a1', 'a2', 'a3', 'a4']);
  });

  it('filters and sorts together', () => {
    expect(ids({ filter: 'herald', sort: 'date' })).toEqual(['a4', 'a1']);
  });
});

describe('windowOf', () => {
  it('gives the rows from offset, at most limit, and none past the end', () => {
    const order = [3, 2, 1, 0];
    expect(windowOf(order, 1, 2, (i) => rows[i]!.id)).toEqual(['a3', 'a2']);
    expect(windowOf(order, 3, 10, (i) => rows[i]!.id)).toEqual(['a1']);
    expect(windowOf(order, 9, 10, (i) => rows[i]!.id)).toEqual([]);
  });
});

describe('LibraryWindowQuerySchema', () => {
  it('fills in the defaults and refuses windows that are too large or unknown sort keys', () => {
    expect(LibraryWindowQuerySchema.parse({ offset: 0, limit: 50 })).toEqual({ offset: 0, limit: 50, sort: 'library', direction: 'asc', filter: '', outlet: null, from: null, to: null, annotated: 'any' });
    expect(LibraryWindowQuerySchema.safeParse({ offset: 0, limit: 5000 }).success).toBe(false);
    expect(LibraryWindowQuerySchema.safeParse({ offset: 0, limit: 5, sort: 'length' }).success).toBe(false);
    expect(LibraryWindowQuerySchema.safeParse({ offset: -1, limit: 5 }).success).toBe(false);
  });
});

describe('orderLibrary with the library screen\'s filters (issue 18)', () => {
  const people: LibraryRow[] = [
    { id: 'a', title: 'Diplomat quits', date: '2022-05-23', outlet: 'Reuters', author: 'J. Smith' },
    { id: 'b', title: 'article 10', date: null, outlet: null, author: null },
    { id: 'c', title: 'Article 9', date: '2022-05-24', outlet: 'BBC', author: null },
    { id: 'd', title: 'Envoy resigns over war', date: '2022-05-23T10:00:00Z', outlet: 'Reuters', author: 'A. Jones' },
  ];
  const notes: Record<string, number> = { a: 3, b: 0, c: 0, d: 5 };
  const of = (q: Partial<LibraryOrderQuery>) => orderLibrary(people, { ...DEFAULT_ORDER, ...q }, (id) => notes[id] ?? 0).map((i) => people[i]!.id);

  it('keeps rows holding every word, in title, outlet or author, in any case', () => {
    expect(of({ filter: 'reuters' })).toEqual(['a', 'd']);
    expect(of({ filter: 'JONES war' })).toEqual(['d']);
    expect(of({ filter: 'nothing like it' })).toEqual([]);
  });

  it('filters by outlet, date range (inclusive, undated left out) and annotations', () => {
    expect(of({ outlet: 'BBC' })).toEqual(['c']);
    expect(of({ from: '2022-05-24' })).toEqual(['c']);
    expect(of({ from: '2022-05-23', to: '2022-05-23' })).toEqual(['a', 'd']);
    expect(of({ annotated: 'yes' })).toEqual(['a', 'd']);
    expect(of({ annotated: 'no' })).toEqual(['b', 'c']);
  });

  it('sorts by author, rows without one last', () => {
    expect(of({ sort: 'author', direction: 'desc' })).toEqual(['a', 'd', 'b', 'c']);
    expect(of({ sort: 'author' })).toEqual(['d', 'a', 'b', 'c']);
  });

  it('lists the outlets once each, alphabetically', () => {
    expect(libraryOutlets(people)).toEqual(['BBC', 'Reuters']);
  });

  it('refuses a date that is not a day', () => {
    expect(LibraryWindowQuerySchema.safeParse({ offset: 0, limit: 10, from: 'yesterday' }).success).toBe(false);
  });
});
