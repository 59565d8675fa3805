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

  it('finds a rare and a common query over 10,000 articles of 5 KB once ready (its speed is measured by npm run bench)', async () => {
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
    const result = await index.search({ query: 'Needle Phrase', limit: 200 });
    const common = await index.search({ query: 'minister said', limit: 200 });
    expect(result.hits.map((h) => h.articleId)).toEqual(['a9999']);
    expect(common.hits).toHaveLength(200);
  }, 60_000);
});

describe('CorpusTextIndex with a persisted word index', () => {
  const texts = {
    a: 'The Kremlin said “no” today. The minister said little.',
    b: 'Elections were held; the ministers met in Kyiv.',
    c: 'Nothing here about anything.',
    d: 'Re-elected, the Minister said: yes.',
  };
  const queries = ['minister', 'said', 'the minister said', 'lect', 'he minister', '“no”', 'kyiv.', 'e m', 'nothing here', 'zzz', '-'];

  async function withDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'triangulate-corpusindex-'));
    try {
      return await work(join(dir, 'search'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('finds exactly what a scan of every text finds', async () => {
    await withDir(async (dir) => {
      const { PersistedSearchIndex } = await import('../store/persistedSearchIndex');
      const scan = new CorpusTextIndex(library(texts).source);
      const indexed = new CorpusTextIndex(library(texts).source, new PersistedSearchIndex(dir));
      for (const query of queries) {
        expect(await indexed.search({ query, limit: 50 }), query).toEqual(await scan.search({ query, limit: 50 }));
      }
    });
  });

  it('after a restart, the first search reads only the texts of the articles holding the words', async () => {
    await withDir(async (dir) => {
      const { PersistedSearchIndex } = await import('../store/persistedSearchIndex');
      await new CorpusTextIndex(library(texts).source, new PersistedSearchIndex(dir)).warm();
      const lib = library(texts);
      const result = await new CorpusTextIndex(lib.source, new PersistedSearchIndex(dir)).search({ query: 'the minister', limit: 10 });
      expect(result.hits.map((h) => h.articleId)).toEqual(['a', 'b', 'd']);
      expect(lib.reads.sort()).toEqual(['a', 'b', 'd']);
    });
  });

  it('counts a query of words from the index: only the texts of the hits it returns are read, the totals cover every article', async () => {
    await withDir(async (dir) => {
      const { PersistedSearchIndex } = await import('../store/persistedSearchIndex');
      const many: Record<string, string> = {};
      for (let i = 0; i < 30; i++) many[`m${i}`] = i % 3 === 0 ? 'The minister said no. The minister said yes.' : 'Nothing to see.';
      await new CorpusTextIndex(library(many).source, new PersistedSearchIndex(dir)).warm();
      const lib = library(many);
      const result = await new CorpusTextIndex(lib.source, new PersistedSearchIndex(dir)).search({ query: 'minister said', limit: 3 });
      expect(result.total).toBe(20);
      expect(result.articles).toBe(10);
      expect(result.hits.map((h) => [h.articleId, h.start])).toEqual([['m0', 4], ['m0', 26], ['m3', 4]]);
      expect(lib.reads.sort()).toEqual(['m0', 'm3']);
    });
  });

  it('finds what a scan finds when an end of the phrase is part of very many words (those texts are scanned)', async () => {
    await withDir(async (dir) => {
      const { PersistedSearchIndex } = await import('../store/persistedSearchIndex');
      const letters = 'bcdfghjklmnp';
      const endingInA = [...letters].flatMap((x) => [...letters].map((y) => `${x}${y}a`)); // 144 words ending in "a"
      const texts: Record<string, string> = {};
      endingInA.forEach((word, i) => {
        texts[`w${i}`] = i % 5 === 0 ? `${word} minister said, ${word}  minister.` : `Ministers ${word}.`;
      });
      const scan = new CorpusTextIndex(library(texts).source);
      const lib = library(texts);
      const indexed = new CorpusTextIndex(lib.source, new PersistedSearchIndex(dir));
      await indexed.warm();
      lib.reads.length = 0;
      for (const query of ['a minister', 'a minister said', 'a minister s', 'ca minister']) {
        expect(await indexed.search({ query, limit: 50 }), query).toEqual(await scan.search({ query, limit: 50 }));
      }
      // Only the texts where "minister" stands right after a word were read, not every text holding the words.
      expect(new Set(lib.reads).size).toBe(Math.ceil(endingInA.length / 5));
    });
  });

  it('keeps up with the library: an added article is found, a removed one no longer, a damaged index is built again', async () => {
    await withDir(async (dir) => {
      const { PersistedSearchIndex, shardOf } = await import('../store/persistedSearchIndex');
      const { truncate } = await import('node:fs/promises');
      const { join } = await import('node:path');
      const lib = library(texts);
      const index = new CorpusTextIndex(lib.source, new PersistedSearchIndex(dir));
      expect((await index.search({ query: 'kyiv', limit: 10 })).hits.map((h) => h.articleId)).toEqual(['b']);
      lib.articles.push(meta('e'));
      const read = lib.source.text;
      lib.source.text = async (id: string) => (id === 'e' ? 'Back in Kyiv again.' : read(id));
      lib.articles.splice(lib.articles.findIndex((m) => m.id === 'b'), 1);
      expect((await index.search({ query: 'kyiv', limit: 10 })).hits.map((h) => h.articleId)).toEqual(['e']);
      await truncate(join(dir, 'shards', `${shardOf('kyiv')}.txt`), 2);
      const restarted = new CorpusTextIndex(lib.source, new PersistedSearchIndex(dir));
      expect((await restarted.search({ query: 'kyiv', limit: 10 })).hits.map((h) => h.articleId)).toEqual(['e']);
    });
  });

  it('builds an index of an older version again from the texts, and finds what a scan finds', async () => {
    await withDir(async (dir) => {
      const { PersistedSearchIndex } = await import('../store/persistedSearchIndex');
      const { readFile, writeFile } = await import('node:fs/promises');
      const { join } = await import('node:path');
      const scan = new CorpusTextIndex(library(texts).source);
      await new CorpusTextIndex(library(texts).source, new PersistedSearchIndex(dir)).search({ query: 'minister', limit: 50 });
      const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { version: number };
      const current = manifest.version;
      await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, version: current - 1 }));
      const lib = library(texts);
      let reads = 0;
      const read = lib.source.text;
      lib.source.text = async (id: string) => (reads++, read(id));
      const restarted = new CorpusTextIndex(lib.source, new PersistedSearchIndex(dir));
      for (const query of queries) expect(await restarted.search({ query, limit: 50 }), query).toEqual(await scan.search({ query, limit: 50 }));
      // Every text was read to build it again, and it is of the current version once more.
      expect(reads).toBeGreaterThanOrEqual(Object.keys(texts).length);
      expect((JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { version: number }).version).toBe(current);
    });
  });

  it('after a restart, finds what a scan finds whether the library is unchanged or changed meanwhile (added, removed, a new text)', async () => {
    await withDir(async (dir) => {
      const { PersistedSearchIndex } = await import('../store/persistedSearchIndex');
      const current: Record<string, string> = { ...texts };
      const lib = () => {
        const made = library(current);
        made.articles.forEach((m) => (m.hash = `h-${current[m.id]!.length}-${current[m.id]!.slice(0, 8)}`));
        return made;
      };
      await new CorpusTextIndex(lib().source, new PersistedSearchIndex(dir)).warm();
      // Unchanged since: no text read to catch up, only the one holding the word.
      const reads = lib();
      expect((await new CorpusTextIndex(reads.source, new PersistedSearchIndex(dir)).search({ query: 'kyiv', limit: 10 })).hits.map((h) => h.articleId)).toEqual(['b']);
      expect(reads.reads).toEqual(['b']);
      const unchanged = new CorpusTextIndex(lib().source, new PersistedSearchIndex(dir));
      for (const query of queries) expect(await unchanged.search({ query, limit: 50 }), query).toEqual(await new CorpusTextIndex(lib().source).search({ query, limit: 50 }));
      // Changed while the app was closed: one added, one removed, one with a new text.
      current.e = 'The minister in Kyiv said nothing.';
      delete current.c;
      current.b = 'Elections were held; nobody met.';
      const changed = new CorpusTextIndex(lib().source, new PersistedSearchIndex(dir));
      for (const query of [...queries, 'kyiv', 'nobody met']) {
        expect(await changed.search({ query, limit: 50 }), query).toEqual(await new CorpusTextIndex(lib().source).search({ query, limit: 50 }));
      }
      // And once more after a restart: the numbers are no longer the library's order (one removed).
      const again = new CorpusTextIndex(lib().source, new PersistedSearchIndex(dir));
      for (const query of ['minister said', 'kyiv', 'nobody', 'the']) {
        expect(await again.search({ query, limit: 50 }), query).toEqual(await new CorpusTextIndex(lib().source).search({ query, limit: 50 }));
      }
    });
  });
});
