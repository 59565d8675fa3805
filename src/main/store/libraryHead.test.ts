import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK, type Article } from '../../shared/model/model';
import { DataStore, type NewLibrary } from './dataStore';
import { HEAD_REVISION, HEAD_ROWS, headWindow, LIBRARY_HEAD_FILE, readLibraryHead, readRecordedHead } from './libraryHead';
import { textHash } from './textHash';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-head-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function article(id: string, text: string, outlet: string | null = null): Article {
  return { id, title: `Title ${id}`, date: '2024-05-01', outlet, hash: textHash(text), length: text.length, origin: `${id}.txt`, author: null, url: null, language: null, note: '', text };
}

function library(n: number): NewLibrary {
  const articles = Array.from({ length: n }, (_, i) => article(`a${String(i).padStart(4, '0')}`, `Text number ${i}.`, i % 2 ? 'Reuters' : 'AP'));
  return { articles, codebook: DEFAULT_CODEBOOK, settings: { creator: 'ana' } };
}

const DEFAULT_WINDOW = { offset: 0, limit: 100, sort: 'library', direction: 'asc', filter: '', outlet: null, from: null, to: null, annotated: 'any' } as const;

/** Opens the folder and closes it again (the store records the head in the background, close waits for it). */
async function openAndClose(): Promise<DataStore> {
  const store = (await DataStore.open(dir))!;
  await store.close();
  return store;
}

describe('the library head', () => {
  it('is written when the store reads or writes index.json, and answers its first window: the first rows in order, the total and outlets, counts still pending', async () => {
    // 250 entries in index.json (their text files do not matter here: writing 250 of them takes seconds).
    const store = await DataStore.create(dir, library(1));
    await store.updateIndex((current) => ({ index: { ...current, articles: library(250).articles.map(({ text: _text, ...meta }) => meta) }, result: null }));
    await store.close();
    const head = await readLibraryHead(dir);
    expect(head).not.toBeNull();
    const window = headWindow(head!, DEFAULT_WINDOW)!;
    expect(window.total).toBe(250);
    expect(window.libraryTotal).toBe(250);
    expect(window.outlets).toEqual(['AP', 'Reuters']);
    expect(window.rows.map((r) => r.id)).toEqual(store.articles().slice(0, 100).map((a) => a.id));
    expect(window.rows[1]).toEqual({ id: 'a0001', title: 'Title a0001', date: '2024-05-01', outlet: 'Reuters', author: null, counts: { quote: 0, source: 0, claim: 0 } });
    expect(window.countsPending).toBe(250);
    expect(window.revision).toBe(HEAD_REVISION);
    // The second page is in the head too; a third one, another order or a filter is the core's to answer.
    expect(headWindow(head!, { ...DEFAULT_WINDOW, offset: 100 })!.rows.map((r) => r.id)).toEqual(store.articles().slice(100, 200).map((a) => a.id));
    expect(headWindow(head!, { ...DEFAULT_WINDOW, offset: 200 })).toBeNull();
    expect(headWindow(head!, { ...DEFAULT_WINDOW, sort: 'title' })).toBeNull();
    expect(headWindow(head!, { ...DEFAULT_WINDOW, filter: 'Title' })).toBeNull();
    expect(headWindow(head!, { ...DEFAULT_WINDOW, direction: 'desc' })).toBeNull();
    expect(headWindow(head!, { offset: 0 })).toBeNull();
    expect((await readRecordedHead(dir))!.rows).toHaveLength(HEAD_ROWS);
  });

  it('answers every window of a library smaller than the head', async () => {
    await (await DataStore.create(dir, library(3))).close();
    expect(await readLibraryHead(dir)).toBeNull();
    await openAndClose();
    const head = (await readLibraryHead(dir))!;
    expect(headWindow(head, { ...DEFAULT_WINDOW, offset: 0, limit: 100 })!.rows).toHaveLength(3);
    expect(headWindow(head, { ...DEFAULT_WINDOW, offset: 100, limit: 100 })!.rows).toEqual([]);
  });

  it('no longer counts once index.json changed behind the store’s back (same bytes written again included), and the next open makes it again', async () => {
    await (await DataStore.create(dir, library(5))).close();
    await openAndClose();
    expect(await readLibraryHead(dir)).not.toBeNull();
    const index = join(dir, 'index.json');
    const edited = JSON.parse(await fs.readFile(index, 'utf8')) as { articles: { title: string }[] };
    edited.articles[0]!.title = 'Edited by hand';
    await fs.writeFile(index, JSON.stringify(edited));
    expect(await readLibraryHead(dir)).toBeNull();

    await openAndClose();
    const head = (await readLibraryHead(dir))!;
    expect(head.rows[0]!.title).toBe('Edited by hand');

    // Rewritten with the very same bytes: still another file as far as the head can tell.
    await fs.writeFile(index, await fs.readFile(index));
    expect(await readLibraryHead(dir)).toBeNull();
  });

  it('a damaged head is ignored and made again at the next open', async () => {
    await (await DataStore.create(dir, library(5))).close();
    await openAndClose();
    const file = join(dir, LIBRARY_HEAD_FILE);
    const good = await fs.readFile(file, 'utf8');
    const damaged = [
      good.slice(0, 40),
      '[]',
      JSON.stringify({ ...JSON.parse(good), rows: [] }),
      JSON.stringify({ ...JSON.parse(good), version: 99 }),
      JSON.stringify({ ...JSON.parse(good), extra: true }),
    ];
    for (const bytes of damaged) {
      await fs.writeFile(file, bytes);
      expect(await readLibraryHead(dir)).toBeNull();
      await openAndClose();
      expect(await fs.readFile(file, 'utf8')).toBe(good);
    }
    await fs.rm(file);
    expect(await readLibraryHead(dir)).toBeNull();
    await openAndClose();
    expect(await fs.readFile(file, 'utf8')).toBe(good);
  });

  it('follows the store’s changes to index.json: articles and codebook as saved', async () => {
    const store = await DataStore.create(dir, library(4));
    await store.addArticles([article('new', 'A new one.', 'BBC')]);
    await store.updateIndex((current) => ({ index: { ...current, articles: current.articles.slice(1), codebook: current.codebook.slice(0, 1) }, result: null }));
    await store.close();
    const head = (await readLibraryHead(dir))!;
    const window = headWindow(head, DEFAULT_WINDOW)!;
    expect(window.rows.map((r) => r.id)).toEqual(['a0001', 'a0002', 'a0003', 'new']);
    expect(window.outlets).toEqual(['AP', 'BBC', 'Reuters']);
    expect(window.rows[0]!.counts).toEqual({ [DEFAULT_CODEBOOK[0]!.id]: 0 });
    // What the next open reads is what the head says.
    const reopened = await openAndClose();
    expect(reopened.articles().map((a) => a.id)).toEqual(window.rows.map((r) => r.id));
  });

  it('a save of index.json returns before the head is written; saves in a row write it once, after them, and no head of an older index.json stays meanwhile', async () => {
    await (await DataStore.create(dir, library(3))).close();
    await openAndClose();
    const file = join(dir, LIBRARY_HEAD_FILE);
    // Every atomic write of the store goes through this fs: the head's writes are counted.
    const headWrites: string[] = [];
    const countingFs = {
      ...fs,
      open: ((path: string, ...rest: unknown[]) => {
        if (path.includes('library-head.json')) headWrites.push(path);
        return (fs.open as (...args: unknown[]) => unknown)(path, ...rest);
      }) as typeof fs.open,
    };
    // The head waits a minute after a save: whatever the store writes for it comes after the save, never in it.
    const store = (await DataStore.open(dir, { fs: countingFs, headDelayMs: 60_000 }))!;
    const retitle = (title: string) =>
      store.updateIndex((current) => ({ index: { ...current, articles: current.articles.map((a, i) => (i === 0 ? { ...a, title } : a)) }, result: null }));
    await retitle('First edit');
    expect(headWrites).toEqual([]);
    // The head on disk is of the index.json before the save: not answered from.
    expect(await readLibraryHead(dir)).toBeNull();
    await retitle('Second edit');
    await retitle('Third edit');
    // A head of an older index.json is gone before the next index.json is written (its signature could come back).
    await expect(fs.stat(file)).rejects.toThrow();
    expect(headWrites).toEqual([]);

    await store.close();
    expect(headWrites).toHaveLength(1);
    const head = (await readLibraryHead(dir))!;
    expect(head.rows.map((r) => r.title)).toEqual(['Third edit', 'Title a0001', 'Title a0002']);
    // The next open finds it current: not written again.
    await (await DataStore.open(dir, { fs: countingFs }))!.close();
    expect(headWrites).toHaveLength(1);
  });

  it('a folder whose head cannot be written opens and saves as before', async () => {
    await (await DataStore.create(dir, library(3))).close();
    await openAndClose();
    await fs.rm(join(dir, 'derived'), { recursive: true });
    // A file where the derived folder should be: the head cannot be written.
    await fs.writeFile(join(dir, 'derived'), 'not a folder');
    const store = (await DataStore.open(dir))!;
    await store.updateIndex((current) => ({ index: { ...current, articles: current.articles.slice(1) }, result: null }));
    await store.close();
    expect(await readLibraryHead(dir)).toBeNull();
    expect((await DataStore.open(dir))!.articles().map((a) => a.id)).toEqual(['a0001', 'a0002']);
  });
});
