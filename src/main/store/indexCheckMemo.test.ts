import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK, type Article } from '../../shared/model/model';
import { DataStore } from './dataStore';
import { INDEX_CHECK_FILE, indexDigest, readIndexCheckMemo } from './indexCheckMemo';
import { textHash } from './textHash';
import { checkIndexFile } from './parseIndexFile';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-memo-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function article(id: string, text: string): Article {
  return { id, title: text.slice(0, 10), date: null, outlet: null, hash: textHash(text), length: text.length, origin: `${id}.txt`, author: null, url: null, language: null, note: '', text };
}

const library = { articles: [article('a', 'Alpha text.'), article('b', 'Bravo text.')], codebook: DEFAULT_CODEBOOK, settings: { creator: 'ana' } };
const indexPath = () => join(dir, 'index.json');

describe('index.json check memo', () => {
  it('records the digest of an index.json found in shape, and a later start with the same file opens the same library', async () => {
    await DataStore.create(dir, library);
    const first = (await DataStore.open(dir))!;
    expect(await readIndexCheckMemo(dir)).toBe(indexDigest(await fs.readFile(indexPath())));
    const again = (await DataStore.open(dir))!;
    expect(again.articles()).toEqual(first.articles());
    expect(again.codebook()).toEqual(first.codebook());
  });

  it('does not let a memo cover a changed index.json: a damaged entry is still refused, naming the file', async () => {
    await DataStore.create(dir, library);
    await DataStore.open(dir); // memo recorded
    const index = JSON.parse(await fs.readFile(indexPath(), 'utf8')) as { articles: { id: string }[] };
    index.articles[1]!.id = 'a'; // two articles with one id
    await fs.writeFile(indexPath(), JSON.stringify(index, null, 2));
    await expect(DataStore.open(dir)).rejects.toThrow(/index\.json/);
    expect(await readIndexCheckMemo(dir)).not.toBe(indexDigest(await fs.readFile(indexPath())));
  });

  it('records nothing for an index.json the full schema had to fill in (an older file), so it is checked in full every time', async () => {
    await DataStore.create(dir, library);
    const index = JSON.parse(await fs.readFile(indexPath(), 'utf8')) as { articles: Record<string, unknown>[] };
    for (const a of index.articles) delete a.note; // written before notes: the schema fills in ''
    await fs.writeFile(indexPath(), JSON.stringify(index, null, 2));
    const store = (await DataStore.open(dir))!;
    expect(store.articles().map((a) => a.note)).toEqual(['', '']);
    expect(await readIndexCheckMemo(dir)).toBeNull();
  });

  it('opens with a damaged memo as without one (a full check), and records a good one again', async () => {
    await DataStore.create(dir, library);
    await fs.mkdir(join(dir, 'derived'), { recursive: true });
    await fs.writeFile(join(dir, INDEX_CHECK_FILE), '{"version": 1, "dig');
    const store = (await DataStore.open(dir))!;
    expect(store.articles().map((a) => a.id)).toEqual(['a', 'b']);
    expect(await readIndexCheckMemo(dir)).toBe(indexDigest(await fs.readFile(indexPath())));
  });

  it('with the entries known in shape, checks only the rest of the file', () => {
    const value = { schemaVersion: 1, articles: [{ id: 'x' }], codebook: 'not a codebook', settings: {} };
    expect(() => checkIndexFile(value, true)).toThrow();
    const good = { ...value, codebook: [], settings: { creator: 'ana' } };
    expect(() => checkIndexFile(good, false)).toThrow(/articles\.0\.title/);
    expect(checkIndexFile(good, true)).toEqual({ index: good, entriesInShape: true });
  });
});
