import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK, type ArticleMeta } from '../../shared/model/model';
import { LIBRARY_HEAD_FILE, readRecordedHead } from './libraryHead';
import { LibraryHeadKeeper } from './libraryHeadKeeper';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-head-keeper-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const meta = (id: string, title: string): ArticleMeta => ({
  id,
  title,
  date: null,
  outlet: null,
  hash: 'h',
  length: 1,
  origin: null,
  author: null,
  url: null,
  language: null,
  note: '',
});
const source = (title: string) => ({ articles: [meta('a1', title)], codebook: DEFAULT_CODEBOOK });

/** The store's index queue, by hand: each task waits until `next` lets it run. */
function heldQueue() {
  const waiting: (() => void)[] = [];
  return {
    runExclusive: (task: () => Promise<void>) => new Promise<void>((resolve, reject) => waiting.push(() => void task().then(resolve, reject))),
    waiting: () => waiting.length,
    next: () => waiting.shift()!(),
  };
}

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('LibraryHeadKeeper', () => {
  it('a head whose index.json was written again before its turn in the queue is not written: the next one is, of the last index.json', async () => {
    const queue = heldQueue();
    const keeper = new LibraryHeadKeeper(dir, { runExclusive: queue.runExclusive, delayMs: 0 });
    keeper.indexWritten('sig-1', source('First'));
    await tick();
    // The head of sig-1 is made and waits for the queue; meanwhile index.json is written again.
    expect(queue.waiting()).toBe(1);
    keeper.indexWritten('sig-2', source('Second'));
    queue.next();
    await tick();
    expect(await readRecordedHead(dir)).toBeNull();
    const flushed = keeper.flush();
    await tick();
    queue.next();
    await flushed;
    const head = (await readRecordedHead(dir))!;
    expect(head.index).toBe('sig-2');
    expect(head.rows.map((r) => r.title)).toEqual(['Second']);
  });

  it('a head of an older index.json is removed before index.json is replaced again', async () => {
    const keeper = new LibraryHeadKeeper(dir, { runExclusive: (task) => task(), delayMs: 60_000 });
    keeper.indexWritten('sig-1', source('First'));
    await keeper.flush();
    expect((await readRecordedHead(dir))!.index).toBe('sig-1');
    // The head is current: nothing to remove before this save.
    await keeper.beforeIndexReplaced();
    expect((await readRecordedHead(dir))!.index).toBe('sig-1');
    keeper.indexWritten('sig-2', source('Second'));
    // Its head waits; the one on disk is of sig-1's file, whose inode a later index.json may get.
    await keeper.beforeIndexReplaced();
    await expect(fs.stat(join(dir, LIBRARY_HEAD_FILE))).rejects.toThrow();
    keeper.indexWritten('sig-3', source('Third'));
    await keeper.flush();
    expect((await readRecordedHead(dir))!.rows.map((r) => r.title)).toEqual(['Third']);
  });
});
