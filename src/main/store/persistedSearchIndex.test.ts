import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foldForSearch, foldQuery } from '../../shared/search/corpusSearch';
import { countableTerms, queryTerms, wordPositions } from '../../shared/search/searchTerms';
import { DamagedSearchIndex, PersistedSearchIndex, shardOf } from './persistedSearchIndex';

let dir: string;
beforeEach(async () => {
  dir = join(await fs.mkdtemp(join(tmpdir(), 'triangulate-searchindex-')), 'search');
});
afterEach(async () => {
  await fs.rm(join(dir, '..'), { recursive: true, force: true });
});

const article = (id: string, text: string) => ({ id, hash: `h-${id}`, words: wordPositions(foldForSearch(text)) });
const ask = (index: PersistedSearchIndex, query: string) => index.candidates(queryTerms(foldQuery(query))).then((ids) => [...ids].sort());

describe('PersistedSearchIndex', () => {
  it('names the articles holding every word of a query, also parts of words at the query’s ends, after a restart too', async () => {
    const index = new PersistedSearchIndex(dir);
    await index.add([article('a', 'The minister said no.'), article('b', 'Elections: the ministers met.'), article('c', 'Nothing here.')]);
    expect(await ask(index, 'minister')).toEqual(['a', 'b']);
    expect(await ask(index, 'lect')).toEqual(['b']);
    expect(await ask(index, 'the minister')).toEqual(['a', 'b']);
    expect(await ask(index, 'he minister said')).toEqual(['a']);
    expect(await ask(index, 'nothing at all')).toEqual([]);
    const again = new PersistedSearchIndex(dir);
    expect(await again.covered()).toEqual(new Map([['a', 'h-a'], ['b', 'h-b'], ['c', 'h-c']]));
    expect(await ask(again, 'the minister')).toEqual(['a', 'b']);
  });

  it('adds and removes articles without building again, and keeps it across restarts', async () => {
    const index = new PersistedSearchIndex(dir);
    await index.add([article('a', 'The minister said no.')]);
    await index.add([article('d', 'A new minister.')]);
    await index.remove(new Set(['a']));
    expect(await ask(index, 'minister')).toEqual(['d']);
    expect(await ask(new PersistedSearchIndex(dir), 'minister')).toEqual(['d']);
  });

  it('ignores what a crash left after the last complete add', async () => {
    const index = new PersistedSearchIndex(dir);
    await index.add([article('a', 'The minister said no.')]);
    // An add cut short: its line is there, the manifest does not list its article.
    await fs.appendFile(join(dir, 'shards', `${shardOf('minister')}.txt`), '\nminister\t1:0.2');
    const reopened = new PersistedSearchIndex(dir);
    expect(await ask(reopened, 'minister')).toEqual(['a']);
    await reopened.add([article('b', 'Minister again.')]);
    expect(await ask(new PersistedSearchIndex(dir), 'minister')).toEqual(['a', 'b']);
    // Article b took the number the cut-short line named: that line never counts for it.
    await reopened.add([article('c', 'No one here.')]);
    expect(await new PersistedSearchIndex(dir).counts(countableTerms('minister')!)).toEqual(new Map([['a', 1], ['b', 1]]));
  });

  it('counts every query of words with spaces between exactly as a scan of the folded texts does, reading no text', async () => {
    // Seeded texts over a small vocabulary (words inside others, repeats, punctuation, double spaces, line breaks).
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const vocabulary = ['the', 'then', 'he', 'minister', 'ministers', 'said', 'aid', 'no', 'Kyiv', 'kyivan', 'a', 'aa'];
    const separators = [' ', ' ', ' ', ' ', ', ', '  ', '\n', '. ', ' “', '” '];
    const texts = Array.from({ length: 40 }, () => {
      let text = '';
      for (let w = 0; w < 30; w++) text += vocabulary[Math.floor(random() * vocabulary.length)]! + separators[Math.floor(random() * separators.length)]!;
      return text;
    });
    // Hits that share a word (the end of one, the start of the next) count once or twice as the scan finds them.
    texts.push('aa aa aa aa.', 'then then then he', 'said aid said aid said', 'ministers ministers');
    const index = new PersistedSearchIndex(dir);
    await index.add(texts.slice(0, 25).map((text, i) => article(`t${i}`, text)));
    await index.add(texts.slice(25).map((text, i) => article(`t${i + 25}`, text)));
    const queries = ['the', 'he', 'a', 'aa', 'aid', 'inister', 'the minister', 'he minister said', 'aa aa', 'a a', 'aid no', 'no the', 'kyiv kyiv', 'ministers said aid', 'said no the', 'zz', 'the zz', 'en then', 'd ai', 's minister', 'aid said aid'];
    for (let q = 0; q < 60; q++) {
      const n = 1 + Math.floor(random() * 3);
      queries.push(Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]!.toLowerCase()).join(' '));
    }
    const reopened = new PersistedSearchIndex(dir);
    for (const query of queries) {
      const needle = foldQuery(query);
      const scanned = new Map<string, number>();
      texts.forEach((text, i) => {
        let hits = 0;
        const folded = foldForSearch(text);
        for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) hits++;
        if (hits > 0) scanned.set(`t${i}`, hits);
      });
      expect(await reopened.counts(countableTerms(needle)!), query).toEqual(scanned);
    }
  });

  it.each([
    [4096, 65536],
    [16, 65536],
    [1, 65536],
    [4096, 64],
    [16, 0],
  ])('counts a phrase of a rare and a very common word as a scan does (the common word’s long lines read only where the rare word’s articles can be; skip points every %i bytes, entry tables over %i)', async (skipEvery, tableOver) => {
    const texts = Array.from({ length: 600 }, (_, i) => {
      const common = Array.from({ length: 20 }, (_, k) => (k % 7 === 3 ? 'common word' : 'common')).join(' ');
      return i % 97 === 5 || i === 599 || i === 300 ? `${common} rare common. common rare. rare  common` : i % 50 === 1 ? `${common} rare` : common;
    });
    const index = new PersistedSearchIndex(dir, skipEvery, tableOver);
    await index.add(texts.slice(0, 300).map((text, i) => article(`t${i}`, text)));
    await index.add(texts.slice(300).map((text, i) => article(`t${i + 300}`, text)));
    // A common word's lines in memory already (a search for it alone before) are used as they are.
    const warm = new PersistedSearchIndex(dir, skipEvery, tableOver);
    await warm.counts(countableTerms('common')!);
    for (const query of ['rare common', 'common rare', 'common word', 'word common rare', 'rare common word']) {
      const needle = foldQuery(query);
      const scanned = new Map<string, number>();
      texts.forEach((text, i) => {
        let hits = 0;
        const folded = foldForSearch(text);
        for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) hits++;
        if (hits > 0) scanned.set(`t${i}`, hits);
      });
      expect(await new PersistedSearchIndex(dir, skipEvery, tableOver).counts(countableTerms(needle)!), query).toEqual(scanned);
      expect(await warm.counts(countableTerms(needle)!), query).toEqual(scanned);
    }
  });

  it('counts phrases exactly as a brute-force scan of a generated corpus does, with entry tables for every long line, across adds and removals', async () => {
    // A Zipf-like vocabulary: a few words in nearly every text many times (their lines get entry tables), many rare ones.
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const vocabulary = ['the', 'and', 'kanar', 'kanaryen', 'yen', 'cas', 'casdromar', 'dromar', 'of', 'seltri', 'dimfen', 'seltridimfen', 'a', 'an', 'rare', 'rarer'];
    const word = () => vocabulary[Math.min(vocabulary.length - 1, Math.floor(vocabulary.length * random() ** 2.2))]!;
    const separators = [' ', ' ', ' ', ' ', ' ', ', ', '  ', '. ', '\n'];
    const texts = Array.from({ length: 240 }, () => {
      let text = '';
      const words = 20 + Math.floor(random() * 60);
      for (let w = 0; w < words; w++) text += word() + separators[Math.floor(random() * separators.length)]!;
      return text;
    });
    const index = new PersistedSearchIndex(dir, 64, 256);
    for (let from = 0; from < texts.length; from += 60) await index.add(texts.slice(from, from + 60).map((text, i) => article(`t${from + i}`, text)));
    await index.remove(new Set(['t3', 't100']));
    const kept = texts.map((text, i) => [`t${i}`, text] as const).filter(([id]) => id !== 't3' && id !== 't100');
    const queries = ['kanaryen casdromar', 'the kanaryen', 'kanaryen casdromar the', 'yen cas', 'seltridimfen rare', 'rare seltridimfen', 'a rare', 'the and the', 'of of', 'an a an', 'dromar of'];
    for (let q = 0; q < 40; q++) queries.push(Array.from({ length: 2 + Math.floor(random() * 2) }, word).join(' '));
    // Fresh (lines read from disk, tables used) and warm (the same index asked again, lines kept in memory).
    const fresh = () => new PersistedSearchIndex(dir, 64, 256);
    const warm = fresh();
    let tabled = 0;
    for (const name of await fs.readdir(join(dir, 'shards'))) if (name.endsWith('.tab')) tabled += (await fs.stat(join(dir, 'shards', name))).size;
    expect(tabled).toBeGreaterThan(0);
    for (const query of queries) {
      const needle = foldQuery(query);
      const scanned = new Map<string, number>();
      for (const [id, text] of kept) {
        let hits = 0;
        const folded = foldForSearch(text);
        for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) hits++;
        if (hits > 0) scanned.set(id, hits);
      }
      expect(await fresh().counts(countableTerms(needle)!), query).toEqual(scanned);
      expect(await warm.counts(countableTerms(needle)!), query).toEqual(scanned);
    }
  });

  it('is built again when its files are of an older version, or its entry tables lost bytes', async () => {
    const index = new PersistedSearchIndex(dir, 16, 32);
    await index.add([article('a', 'common '.repeat(40) + 'rare common'), article('b', 'common '.repeat(40))]);
    expect(await new PersistedSearchIndex(dir, 16, 32).counts(countableTerms('rare common')!)).toEqual(new Map([['a', 1]]));
    // The tables' file cut short: asking through it says the index is damaged (the search then builds it again).
    const table = join(dir, 'shards', `${shardOf('common')}.tab`);
    expect((await fs.stat(table)).size).toBeGreaterThan(0);
    await fs.truncate(table, 4);
    await expect(new PersistedSearchIndex(dir, 16, 32).counts(countableTerms('rare common')!)).rejects.toBeInstanceOf(DamagedSearchIndex);
    // An index of the version before (no tables: skip points only) is never read: it is built anew.
    const manifest = JSON.parse(await fs.readFile(join(dir, 'manifest.json'), 'utf8')) as { version: number };
    await fs.writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, version: 4 }));
    const old = new PersistedSearchIndex(dir, 16, 32);
    expect(await old.needsRebuild()).toBe(true);
    expect(await old.covered()).toEqual(new Map());
  });

  it('says it is damaged when a file lost lines, and needs building when there is no manifest', async () => {
    const index = new PersistedSearchIndex(dir);
    expect(await index.needsRebuild()).toBe(true);
    await index.add([article('a', 'The minister said no.')]);
    expect(await new PersistedSearchIndex(dir).needsRebuild()).toBe(false);
    await fs.truncate(join(dir, 'shards', `${shardOf('minister')}.txt`), 3);
    await expect(ask(new PersistedSearchIndex(dir), 'minister')).rejects.toBeInstanceOf(DamagedSearchIndex);
    await fs.writeFile(join(dir, 'manifest.json'), '{"version":1,"art');
    expect(await new PersistedSearchIndex(dir).needsRebuild()).toBe(true);
  });
});
