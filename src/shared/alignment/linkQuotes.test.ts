import { describe, expect, it } from 'vitest';
import { contentStem } from './contentStem';
import { linkQuotes } from './linkQuotes';
/** [a, aStart, aEnd, b, bStart, bEnd] of every link, in order. */
import RECORDED from './fixtures/linkQuotesGeneratedCorpus.json';

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

describe('linkQuotes on a generated corpus', () => {
  it('links the quotes it linked when recorded, in the same order: fragments, paraphrases and common topic words', () => {
    let seed = 24;
    const random = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    // Word ids: 0–19 function words, 20–419 content words (each its own stem), the first ones the commonest.
    const FUNCTION_WORDS = 20;
    const stemOf = Int32Array.from({ length: 420 }, (_, id) => (id < FUNCTION_WORDS ? -1 : id - FUNCTION_WORDS));
    const stemWeights = Float64Array.from({ length: 400 }, (_, stem) => Math.log(2 + stem / 40));
    const word = (): number => (random() < 0.3 ? Math.floor(random() * FUNCTION_WORDS) : FUNCTION_WORDS + Math.floor(random() ** 2 * 400));
    const topic = [FUNCTION_WORDS + 1, FUNCTION_WORDS + 2]; // two content words most quotes hold, side by side
    const made: number[][] = [];
    const docs: Int32Array[] = [];
    const quotes: { doc: number; start: number; end: number }[] = [];
    for (let d = 0; d < 150; d++) {
      const words: number[] = Array.from({ length: 5 + Math.floor(random() * 20) }, word);
      for (let q = 0; q < 1 + Math.floor(random() * 3); q++) {
        let quote: number[];
        if (made.length > 0 && random() < 0.5) {
          // A fragment or paraphrase of an earlier quote: a stretch of it with words changed, dropped or added.
          const source = made[Math.floor(random() * made.length)]!;
          const from = Math.floor(random() * source.length * 0.4);
          quote = source.slice(from, from + 4 + Math.floor(random() * source.length));
          for (let k = Math.floor(random() * 5); k > 0; k--) {
            const at = Math.floor(random() * quote.length);
            const edit = random();
            if (edit < 0.33) quote[at] = word();
            else if (edit < 0.66) quote.splice(at, 1);
            else quote.splice(at, 0, word());
          }
        } else {
          quote = Array.from({ length: 4 + Math.floor(random() * (random() < 0.05 ? 300 : 40)) }, word);
        }
        if (random() < 0.6) quote.splice(Math.floor(random() * quote.length), 0, ...topic);
        made.push(quote);
        quotes.push({ doc: d, start: words.length, end: words.length + quote.length });
        words.push(...quote, ...Array.from({ length: Math.floor(random() * 10) }, word));
      }
      docs.push(Int32Array.from(words));
    }
    // Recorded from linkQuotes (its results agreed with those of the version before its flat arrays, issue 20).
    // With 150 articles the cap on candidates per quote (MAX_CANDIDATES) changes links; with a postings cap of 40
    // the commonest pairs of words are not looked up.
    for (const maxPostings of [5000, 40] as const) {
      const links = linkQuotes(docs, quotes, stemOf, stemWeights, { minShared: 3, minSimilarity: 0.6, maxPostings });
      expect(links.map(({ a, aStart, aEnd, b, bStart, bEnd }) => [a, aStart, aEnd, b, bStart, bEnd])).toEqual(RECORDED[`maxPostings ${maxPostings}`]);
    }
  });
});
