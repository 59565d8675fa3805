import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../shared/model/model';
import { CorpusTextIndex } from './corpusTextIndex';

function meta(id: string): ArticleMeta {
  return { id, title: `Title ${id}`, date: null, outlet: null, hash: '', length: 0, origin: null, author: null, url: null, language: null, note: '' };
}

function library(texts: Record<string, string>) {
  const reads: string[] = [];
  const articles = Object.keys(texts).map(meta);
  return {
    reads,
    articles,
    source: {
      articles: () => articles,
      text: async (id: string) => {
        reads.push(id);
        return texts[id]!;
      },
    },
  };
}

describe('CorpusTextIndex', () => {
  it('reads nothing until the first search, each text once, and articles added later on the next search', async () => {
    const lib = library({ a: 'The Kremlin said “no” today.', b: 'Nothing here.' });
    const index = new CorpusTextIndex(lib.source);
    expect(lib.reads).toEqual([]);
    expect((await index.search({ query: 'kremlin SAID', limit: 10 })).hits).toMatchObject([{ articleId: 'a', start: 4, end: 16, match: 'Kremlin said' }]);
    await index.search({ query: 'x', limit: 10 });
    expect(lib.reads.sort()).toEqual(['a', 'b']);

    lib.articles.push(meta('c'));
    (lib.source as { text: (id: string) => Promise<string> }).text = async (id) => {
      lib.reads.push(id);
      return id === 'c' ? 'The kremlin again' : '';
    };
    const result = await index.search({ query: 'kremlin', limit: 10 });
    expect(result.hits.map((h) => h.articleId)).toEqual(['a', 'c']);
    expect(lib.reads.filter((id) => id === 'c')).toHaveLength(1);
  });

  it('matches across a line break and straight for curly quotes, keeping offsets', async () => {
    const lib = library({ a: 'He said\n“no” twice.' });
    const hit = (await new CorpusTextIndex(lib.source).search({ query: 'said  "no"', limit: 10 })).hits[0]!;
    expect(hit).toMatchObject({ start: 3, end: 12, match: 'said\n“no”' });
  });

  it('finds a query over 10,000 articles of 5 KB within 200 ms once ready', async () => {
    const words = ['state', 'media', 'minister', 'said', 'report', 'agency', 'border', 'talks', 'vote', 'court'];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const chunks = Array.from({ length: 200 }, () => Array.from({ length: 80 }, () => words[Math.floor(rand() * words.length)]).join(' '));
    const texts: Record<string, string> = {};
    for (let i = 0; i < 10_000; i++) {
      const t = Array.from({ length: 10 }, () => chunks[Math.floor(rand() * chunks.length)]).join('. ');
      texts[`a${i}`] = i === 9_999 ? `${t} the needle phrase` : t;
    }
    const index = new CorpusTextIndex(library(texts).source);
    await index.ready();
    const started = performance.now();
    const result = await index.search({ query: 'Needle Phrase', limit: 200 });
    const common = await index.search({ query: 'minister said', limit: 200 });
    const took = (performance.now() - started) / 2;
    expect(result.hits.map((h) => h.articleId)).toEqual(['a9999']);
    expect(common.hits).toHaveLength(200);
    expect(took).toBeLessThan(200);
  }, 60_000);
});
