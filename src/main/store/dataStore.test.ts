import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CODEBOOK, type Annotation, type Article } from '../../shared/model/model';
import { ApiError } from '../../shared/contract/apiError';
import type { AtomicJsonFs } from './atomicJsonAdapter';
import { DataStore, type NewLibrary } from './dataStore';
import { textHash } from './textHash';
import { apiRejection } from '../../../tools/testSupport/apiRejection';
import { indexDigest } from './indexCheckMemo';

/** How many digests of index.json were taken (every function of indexCheckMemo that makes one, counted). */
const digestsTaken = vi.hoisted(() => ({ count: 0 }));
vi.mock('./indexCheckMemo', async (importOriginal) => {
  const actual = await importOriginal<Record<string, unknown>>();
  return Object.fromEntries(
    Object.entries(actual).map(([name, value]) => [
      name,
      name.startsWith('indexDigest') && typeof value === 'function'
        ? (...args: unknown[]) => {
            digestsTaken.count++;
            return (value as (...a: unknown[]) => unknown)(...args);
          }
        : value,
    ]),
  );
});

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-store-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function article(id: string, text: string): Article {
  return { id, title: text.slice(0, 10), date: null, outlet: null, hash: textHash(text), length: text.length, origin: `${id}.txt`, author: null, url: null, language: null, note: '', text };
}

const LIBRARY: NewLibrary = {
  articles: [article('a', 'Alpha said “yes”.\nThen more.'), article('b', 'Bravo text here.'), article('c', 'Charlie.')],
  codebook: DEFAULT_CODEBOOK,
  settings: { creator: 'ana' },
};

function annotation(articleId: string, id: string, tagId: string, start: number, end: number): Annotation {
  const stamp = '2024-01-01T00:00:00.000Z';
  return { id, articleId, tagId, start, end, exact: 'x', prefix: '', suffix: '', note: '', attributes: {}, creator: 'ana', created: stamp, modified: stamp };
}

const add = (store: DataStore, a: Annotation) =>
  store.updateAnnotations(a.articleId, (current) => ({ annotations: [...current, a], result: a }));

/** Every file under the folder with its bytes and modification time (ns), as one comparable string. */
async function snapshot(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await fs.readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const mtime = (await fs.stat(path, { bigint: true })).mtimeNs;
    files.set(relative(root, path), `${mtime} ${await fs.readFile(path, 'utf8')}`);
  }
  return files;
}

describe('DataStore', () => {
  it('reads a small text at once (peekTextNow) as peekText does, leaves a long one to peekText, and says when a text is damaged', async () => {
    const long = 'Long words here. '.repeat(25_000);
    await DataStore.create(dir, { ...LIBRARY, articles: [...LIBRARY.articles, article('long', long)] });
    const store = (await DataStore.open(dir))!;
    expect(store.peekTextNow('a')).toBe('Alpha said “yes”.\nThen more.');
    expect(store.peekTextNow('a')).toBe(await store.peekText('a'));
    expect(store.peekTextNow('long')).toBeNull();
    expect(await store.peekText('long')).toBe(long);
    await fs.writeFile(join(dir, 'texts', 'b.json'), '{"schemaVersion": 1, "id": "b", "text": "Changed behind the store."}');
    expect(() => store.peekTextNow('b')).toThrow(/b/);
  });

  it('has no library in an empty folder', async () => {
    expect(await DataStore.open(dir)).toBeNull();
  });

  it('writes a new library and opens it again with the same articles, codebook and texts', async () => {
    await DataStore.create(dir, LIBRARY);
    expect((await fs.readdir(dir)).sort()).toEqual(['.id-rule-checked', 'annotations', 'index.json', 'texts']);
    const store = (await DataStore.open(dir))!;
    expect(store.articles().map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(store.articles()[0]).not.toHaveProperty('text');
    expect(store.codebook()).toEqual(DEFAULT_CODEBOOK);
    expect(store.settings().creator).toBe('ana');
    expect(await store.text('a')).toBe('Alpha said “yes”.\nThen more.');
    expect(await store.annotations('a')).toEqual([]);
  });

  it('gives the digest of index.json as opened: the same for the same file, after a save the one the next open finds', async () => {
    await DataStore.create(dir, LIBRARY);
    const first = (await DataStore.open(dir))!.indexDigestNow();
    expect(first).toMatch(/^\d+:[0-9a-f]{64}$/);
    const store = (await DataStore.open(dir))!;
    expect(store.indexDigestNow()).toBe(first);
    let told = 0;
    store.onIndexWritten(() => told++);
    await store.updateIndex((current) => ({ index: { ...current, articles: current.articles.slice(1) }, result: null }));
    expect(told).toBe(1);
    const saved = store.indexDigestNow();
    expect(saved).not.toBeNull();
    expect(saved).not.toBe(first);
    expect((await DataStore.open(dir))!.indexDigestNow()).toBe(saved);
  });

  it('takes no digest of index.json in a save: once, when first asked after saves in a row, and the one the next open finds', async () => {
    await DataStore.create(dir, LIBRARY);
    const store = (await DataStore.open(dir))!;
    const atOpen = store.indexDigestNow();
    digestsTaken.count = 0;
    for (const creator of ['ben', 'cleo', 'dan']) {
      await store.updateIndex((current) => ({ index: { ...current, settings: { ...current.settings, creator } }, result: null }));
    }
    expect(digestsTaken.count).toBe(0);
    const saved = store.indexDigestNow();
    expect(digestsTaken.count).toBe(1);
    expect(store.indexDigestNow()).toBe(saved);
    expect(digestsTaken.count).toBe(1);
    expect(saved).not.toBe(atOpen);
    expect(saved).toBe(indexDigest(await fs.readFile(join(dir, 'index.json'))));
    expect((await DataStore.open(dir))!.indexDigestNow()).toBe(saved);
  });

  it('gives no digest for a saved index.json that another program replaced before the digest was asked for', async () => {
    await DataStore.create(dir, LIBRARY);
    const store = (await DataStore.open(dir))!;
    await store.updateIndex((current) => ({ index: { ...current, settings: { ...current.settings, creator: 'ben' } }, result: null }));
    // Replaced with other articles (what a restart would then read): the word index must not be told it is the store's.
    const other = JSON.parse(await fs.readFile(join(dir, 'index.json'), 'utf8')) as { articles: unknown[] };
    other.articles = other.articles.slice(1);
    await fs.writeFile(join(dir, 'index.json.new'), JSON.stringify(other));
    await fs.rename(join(dir, 'index.json.new'), join(dir, 'index.json'));
    expect(store.indexDigestNow()).toBeNull();
    expect((await DataStore.open(dir))!.indexDigestNow()).toBe(indexDigest(await fs.readFile(join(dir, 'index.json'))));
  });

  it('keeps saved annotations across a reopen', async () => {
    const store = await DataStore.create(dir, LIBRARY);
    await add(store, annotation('a', 'n1', 'quote', 11, 16));
    await store.close();
    const reopened = (await DataStore.open(dir))!;
    expect(await reopened.annotations('a')).toEqual([annotation('a', 'n1', 'quote', 11, 16)]);
  });

  it('saving an annotation writes only that article’s annotation file', async () => {
    const store = await DataStore.create(dir, LIBRARY);
    await add(store, annotation('b', 'm1', 'claim', 0, 5));
    await store.text('a');
    const before = await snapshot(dir);
    await new Promise((r) => setTimeout(r, 20)); // let any rewrite show up in the mtime
    await add(store, annotation('a', 'n1', 'quote', 0, 5));
    const after = await snapshot(dir);
    const changed = [...after.keys()].filter((k) => before.get(k) !== after.get(k));
    expect(changed).toEqual([join('annotations', 'a.json')]);
    expect([...before.keys()].every((k) => after.has(k))).toBe(true);
  });

  it('counts annotations per tag and keeps the counts up to date', async () => {
    const store = await DataStore.create(dir, LIBRARY);
    await add(store, annotation('a', 'n1', 'quote', 0, 5));
    expect((await store.counts()).get('a')).toEqual({ quote: 1 });
    await add(store, annotation('a', 'n2', 'quote', 6, 10));
    await add(store, annotation('b', 'm1', 'claim', 0, 5));
    const counts = await store.counts();
    expect(counts.get('a')).toEqual({ quote: 2 });
    expect(counts.get('b')).toEqual({ claim: 1 });
    expect(counts.get('c')).toEqual({});
  });

  it('after a failed save keeps the file, the annotations in memory and the counts as they were', async () => {
    await DataStore.create(dir, LIBRARY);
    let failWrites = false;
    const flaky: AtomicJsonFs = {
      ...fs,
      rename: async (from, to) => {
        if (failWrites) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        return fs.rename(from, to);
      },
    };
    const store = (await DataStore.open(dir, { fs: flaky }))!;
    await add(store, annotation('a', 'n1', 'quote', 0, 5));
    const file = join(dir, 'annotations', 'a.json');
    const bytes = await fs.readFile(file, 'utf8');
    failWrites = true;
    const error = await apiRejection(add(store, annotation('a', 'n2', 'claim', 6, 10)));
    expect(error.message).toContain(file);
    expect(await fs.readFile(file, 'utf8')).toBe(bytes);
    expect((await store.annotations('a')).map((a) => a.id)).toEqual(['n1']);
    expect((await store.counts()).get('a')).toEqual({ quote: 1 });
    failWrites = false;
    await add(store, annotation('a', 'n3', 'claim', 6, 10));
    expect((await store.annotations('a')).map((a) => a.id)).toEqual(['n1', 'n3']);
  });

  it('reports a corrupt annotation file by name, refuses to save over it and leaves it alone', async () => {
    const store = await DataStore.create(dir, LIBRARY);
    const file = join(dir, 'annotations', 'a.json');
    await fs.writeFile(file, '{"schemaVersion": 1, "articleId": "a", "annotations": [{"id": 3}]}');
    const readError = await apiRejection(store.annotations('a'));
    expect(readError.code).toBe('corrupt_data');
    expect(readError.message).toContain(file);
    expect(readError.message).toContain('annotations.0');
    const saveError = await apiRejection(add(store, annotation('a', 'n1', 'quote', 0, 5)));
    expect(saveError.code).toBe('corrupt_data');
    expect(await fs.readFile(file, 'utf8')).toBe('{"schemaVersion": 1, "articleId": "a", "annotations": [{"id": 3}]}');
    // The other articles still work.
    await add(store, annotation('b', 'm1', 'claim', 0, 5));
    expect(await store.annotations('b')).toHaveLength(1);
  });

  it('reads an annotation file at once for exports as the store reads it: same data, empty when missing, corrupt named', async () => {
    const store = await DataStore.create(dir, LIBRARY);
    await add(store, annotation('a', 'n1', 'quote', 0, 5));
    expect(store.readAnnotationFileNow('a')).toEqual(await store.peekAnnotationFile('a'));
    expect(store.readAnnotationFileNow('b').annotations).toEqual([]);
    const file = join(dir, 'annotations', 'c.json');
    await fs.writeFile(file, '{"schemaVersion": 1, "articleId": "c", "annotations": [{"id": 3}]}');
    let error: unknown;
    try {
      store.readAnnotationFileNow('c');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('corrupt_data');
    expect((error as ApiError).message).toContain(file);
  });

  it('rejects an annotation file whose offsets fall outside the article', async () => {
    const store = await DataStore.create(dir, LIBRARY);
    const file = join(dir, 'annotations', 'c.json');
    const bad = { schemaVersion: 1, articleId: 'c', annotations: [annotation('c', 'z', 'quote', 2, 500)] };
    await fs.writeFile(file, JSON.stringify(bad));
    const error = await apiRejection(store.annotations('c'));
    expect(error.code).toBe('corrupt_data');
    expect(error.message).toContain('outside the article');
  });

  it('treats an index.json from a newer version as corrupt and does not touch it', async () => {
    await DataStore.create(dir, LIBRARY);
    const file = join(dir, 'index.json');
    const newer = JSON.stringify({ ...JSON.parse(await fs.readFile(file, 'utf8')), schemaVersion: 99 });
    await fs.writeFile(file, newer);
    const error = await apiRejection(DataStore.open(dir));
    expect(error.code).toBe('corrupt_data');
    expect(error.message).toContain(file);
    expect(error.message).toContain('newer version');
    expect(await fs.readFile(file, 'utf8')).toBe(newer);
  });

  it('reads a text only when the article is opened, and reports a text that does not match its hash', async () => {
    await DataStore.create(dir, LIBRARY);
    const file = join(dir, 'texts', 'b.json');
    await fs.writeFile(file, JSON.stringify({ schemaVersion: 1, id: 'b', text: 'Edited behind our back.' }));
    const store = (await DataStore.open(dir))!;
    expect(await store.text('a')).toContain('Alpha');
    const error = await apiRejection(store.text('b'));
    expect(error.code).toBe('corrupt_data');
    expect(error.message).toContain(file);
    expect(error.message).toContain('hash');
  });

  it('keeps a text in memory once read', async () => {
    const store = await DataStore.create(dir, LIBRARY);
    expect(await store.text('c')).toBe('Charlie.');
    await fs.rm(join(dir, 'texts', 'c.json'));
    expect(await store.text('c')).toBe('Charlie.');
  });

  it('says which article is unknown', async () => {
    const store = await DataStore.create(dir, LIBRARY);
    const error = await apiRejection(store.text('zzz'));
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('zzz');
  });
});

describe('DataStore: rejected suggestions', () => {
  it('keeps rejected suggestion ids in the article’s annotation file, beside its annotations', async () => {
    const store = await DataStore.create(dir, LIBRARY);
    await add(store, annotation('a', 'n1', 'quote', 0, 5));
    await store.updateAnnotationFile('a', (current) => ({ rejectedSuggestions: [...current.rejectedSuggestions, 'quote:11:14'], result: null }));
    const reopened = (await DataStore.open(dir))!;
    expect(await reopened.rejectedSuggestions('a')).toEqual(['quote:11:14']);
    expect((await reopened.annotations('a')).map((a) => a.id)).toEqual(['n1']);
    await add(reopened, annotation('a', 'n2', 'claim', 6, 10));
    expect(await (await DataStore.open(dir))!.rejectedSuggestions('a')).toEqual(['quote:11:14']);
  });

  it('reads an annotation file written before suggestions existed', async () => {
    await DataStore.create(dir, LIBRARY);
    const file = join(dir, 'annotations', 'a.json');
    await fs.writeFile(file, JSON.stringify({ schemaVersion: 1, articleId: 'a', annotations: [annotation('a', 'old', 'claim', 0, 5)] }));
    const store = (await DataStore.open(dir))!;
    expect(await store.rejectedSuggestions('a')).toEqual([]);
    expect((await store.annotations('a')).map((a) => a.id)).toEqual(['old']);
  });

  it('writes nothing for a change that replaces nothing', async () => {
    const store = await DataStore.create(dir, LIBRARY);
    await store.updateAnnotationFile('b', () => ({ result: null }));
    await expect(fs.stat(join(dir, 'annotations', 'b.json'))).rejects.toThrow();
  });
});

describe('DataStore: the index changes', () => {
  it('adds articles, texts first, and they are there after a reopen', async () => {
    const store = await DataStore.create(dir, LIBRARY);
    await store.addArticles([article('d', 'Delta arrives later.')]);
    expect(store.articles().map((a) => a.id)).toEqual(['a', 'b', 'c', 'd']);
    const reopened = (await DataStore.open(dir))!;
    expect(reopened.articles().map((a) => a.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(await reopened.text('d')).toBe('Delta arrives later.');
  });

  it('refuses an id the library already holds and writes nothing', async () => {
    const store = await DataStore.create(dir, LIBRARY);
    const before = await snapshot(dir);
    const error = await apiRejection(store.addArticles([article('e', 'Echo.'), article('b', 'Another Bravo.')]));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('"b"');
    expect(await snapshot(dir)).toEqual(before);
    expect(store.articles()).toHaveLength(3);
  });

  it('saves a codebook change in index.json and reads it back', async () => {
    const store = await DataStore.create(dir, LIBRARY);
    await store.updateIndex((current) => ({
      index: { ...current, codebook: current.codebook.map((t) => (t.id === 'claim' ? { ...t, name: 'Assertion' } : t)) },
      result: null,
    }));
    expect(store.codebook()[0]!.name).toBe('Assertion');
    expect((await DataStore.open(dir))!.codebook()[0]!.name).toBe('Assertion');
  });

  it('refuses an index change that breaks the file’s rules and keeps the old index', async () => {
    const store = await DataStore.create(dir, LIBRARY);
    const before = await snapshot(dir);
    const failed = store.updateIndex((current) => ({ index: { ...current, codebook: [...current.codebook, current.codebook[0]!] }, result: null }));
    await expect(failed).rejects.toThrow(/unique/);
    expect(store.codebook()).toHaveLength(3);
    expect(await snapshot(dir)).toEqual(before);
  });
});

describe('DataStore with index.json written at most every so often (the CLI import)', () => {
  const ids = async () => (JSON.parse(await fs.readFile(join(dir, 'index.json'), 'utf8')) as { articles: { id: string }[] }).articles.map((a) => a.id);

  it('lists the articles of several adds in one write of index.json, at close; each text is stored at once', async () => {
    await DataStore.create(dir, LIBRARY);
    const store = (await DataStore.open(dir, { indexWriteEveryMs: 60_000 }))!;
    await store.addArticles([article('d', 'Delta text.')]);
    await store.addArticles([article('e', 'Echo text.'), article('f', 'Foxtrot text.')]);
    // In memory at once (a later file of the import sees them: duplicates, ids), on disk their texts only.
    expect(store.articles().map((a) => a.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(await fs.readdir(join(dir, 'texts'))).toEqual(expect.arrayContaining(['d.json', 'e.json', 'f.json']));
    expect(await ids()).toEqual(['a', 'b', 'c']);
    await expect(store.addArticles([article('d', 'Delta again.')])).rejects.toThrow(/already holds an article with id "d"/);
    await store.close();
    expect(await ids()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect((await DataStore.open(dir))!.articles().map((a) => a.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('writes them once the first has waited long enough, and before any other change of the index', async () => {
    await DataStore.create(dir, LIBRARY);
    const store = (await DataStore.open(dir, { indexWriteEveryMs: 1 }))!;
    await store.addArticles([article('d', 'Delta text.')]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.addArticles([article('e', 'Echo text.')]);
    expect(await ids()).toEqual(['a', 'b', 'c', 'd', 'e']);
    const later = (await DataStore.open(dir, { indexWriteEveryMs: 60_000 }))!;
    await later.addArticles([article('f', 'Foxtrot text.')]);
    await later.updateIndex((current) => ({ index: { ...current, settings: { ...current.settings, creator: 'bo' } }, result: null }));
    expect(await ids()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('cut short before the write (a crash), leaves the library as index.json last listed it', async () => {
    await DataStore.create(dir, LIBRARY);
    const store = (await DataStore.open(dir, { indexWriteEveryMs: 60_000 }))!;
    await store.addArticles([article('d', 'Delta text.')]);
    // No close: the process ends here. The next start opens the library index.json lists, whole.
    const next = (await DataStore.open(dir))!;
    expect(next.articles().map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(await next.text('a')).toBe('Alpha said “yes”.\nThen more.');
  });

  it('when index.json cannot be written, says which articles are not in the library and forgets them', async () => {
    await DataStore.create(dir, LIBRARY);
    let failWrites = false;
    const flaky: AtomicJsonFs = {
      ...fs,
      rename: async (from, to) => {
        if (failWrites && String(to).endsWith('index.json')) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        return fs.rename(from, to);
      },
    };
    const store = (await DataStore.open(dir, { fs: flaky, indexWriteEveryMs: 60_000 }))!;
    await store.addArticles([article('d', 'Delta text.'), article('e', 'Echo text.')]);
    failWrites = true;
    const error = await apiRejection(store.close());
    expect(error.message).toMatch(/index\.json: ENOSPC.* The last 2 articles imported are not in the library \(index\.json does not list them\): import them again\.$/);
    expect(store.articles().map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(await ids()).toEqual(['a', 'b', 'c']);
    failWrites = false;
    await store.addArticles([article('d', 'Delta text.')]);
    await store.close();
    expect(await ids()).toEqual(['a', 'b', 'c', 'd']);
  });
});
