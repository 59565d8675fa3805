import { describe, expect, it } from 'vitest';
import { contentStem } from './contentStem';
import { linkQuotes } from './linkQuotes';

const OPTIONS = { minShared: 3, minSimilarity: 0.6, maxPostings: 50 };

/** Articles as word lists; every whole article is one quote. Words weigh 1 unless `weights` says otherwise. */
function setUp(articles: string[], weights: Record<string, number> = {}) {
  const vocabulary = new Map<string, number>();
  const docs = articles.map((text) =>
    Int32Array.from(text.split(' ').map((w) => vocabulary.get(w) ?? (vocabulary.set(w, vocabulary.size), vocabulary.size - 1))),
  );
  const stemIds = new Map<string, number>();
  const stemOf = new Int32Array(vocabulary.size);
  for (const [word, id] of vocabulary) {
    const stem = contentStem(word);
    stemOf[id] = stem === null ? -1 : (stemIds.get(stem) ?? (stemIds.set(stem, stemIds.size), stemIds.size - 1));
  }
  const stemWeights = Float64Array.from([...stemIds.keys()], (stem) => weights[stem] ?? 1);
  const quotes = docs.map((d, doc) => ({ doc, start: 0, end: d.length }));
  return { docs, links: linkQuotes(docs, quotes, stemOf, stemWeights, OPTIONS) };
}

const FULL = 'for twenty years of my diplomatic career i have seen different turns of our foreign policy but never have i been so ashamed of my country as on february 24 of this year';

describe('linkQuotes', () => {
  it('links a fragment to the stretch of the longer quote it comes from', () => {
    const { links } = setUp([FULL, 'never been so ashamed of my country']);
    expect(links).toHaveLength(1);
    const words = FULL.split(' ');
    const link = links[0]!;
    expect(link.b === 1 ? [link.bStart, link.bEnd] : [link.aStart, link.aEnd]).toEqual([0, 7]);
    const [start, end] = link.a === 0 ? [link.aStart, link.aEnd] : [link.bStart, link.bEnd];
    expect(words.slice(start, end).join(' ')).toBe('never have i been so ashamed of my country');
  });

  it('links a differently translated quote, covering all of it', () => {
    const other = 'in my 20-year long career as a diplomat i have seen many changes in foreign policy but i have never felt so ashamed of my country before february 24 this year';
    const { links, docs } = setUp([FULL, other]);
    expect(links).toHaveLength(1);
    const link = links[0]!;
    const side = link.a === 1 ? [link.aStart, link.aEnd] : [link.bStart, link.bEnd];
    expect(side).toEqual([0, docs[1]!.length]);
  });

  it('does not link quotes that only share a few topic words', () => {
    const { links } = setUp([FULL, 'the foreign ministry said the country would answer in february', 'never again']);
    expect(links).toEqual([]);
  });

  it('must cover the rare words of the shorter quote, not only the common ones', () => {
    const articles = ['russia war ukraine bondarev', 'they said russia war ukraine crime today'];
    expect(setUp(articles).links).toHaveLength(1);
    expect(setUp(articles, { russia: 0.5, war: 0.5, ukraine: 0.5, bondarev: 3 }).links).toEqual([]);
  });

  it('does not link words scattered over a long quote', () => {
    const scattered = `ashamed ${'x '.repeat(30)}country ${'y '.repeat(30)}never`;
    const { links } = setUp(['never ashamed country', scattered.trim()]);
    expect(links).toEqual([]);
  });

  it('never links quotes of the same article', () => {
    const vocabulary = new Map<string, number>();
    const words = 'never ashamed country and never ashamed country'.split(' ');
    const doc = Int32Array.from(words.map((w) => vocabulary.get(w) ?? (vocabulary.set(w, vocabulary.size), vocabulary.size - 1)));
    const stemOf = Int32Array.from([...vocabulary.keys()].map((w, i) => (contentStem(w) === null ? -1 : i)));
    const quotes = [
      { doc: 0, start: 0, end: 3 },
      { doc: 0, start: 4, end: 7 },
    ];
    expect(linkQuotes([doc], quotes, stemOf, new Float64Array(vocabulary.size).fill(1), OPTIONS)).toEqual([]);
  });
});
