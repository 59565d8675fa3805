import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TriangulateApi } from '../../shared/contract/contract';
import { HEAD_REVISION, readLibraryHead } from '../store/libraryHead';
import { createCore, type Core } from './createCore';
import { headFirstApi } from './headFirstApi';

/** The bundled seed corpus (five articles), which a new data folder starts with. */
const SEED_CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
/** The second seed article. */
const A001 = '001_b0e24d4478126009';

let dir = '';
let cores: Core[] = [];
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-head-first-'));
});
afterEach(async () => {
  await Promise.all(cores.map((core) => core.close()));
  cores = [];
  await fs.rm(dir, { recursive: true, force: true });
});

const lib = {
  dir: () => dir,
  async open(): Promise<Core> {
    const core = await createCore({ dataDir: dir, corpusDir: SEED_CORPUS, creator: 'ana', alignWorkerFile: null, importWorkerFile: null, backups: false });
    cores.push(core);
    return core;
  },
};

const FIRST_WINDOW = { offset: 0, limit: 100, sort: 'library', direction: 'asc', filter: '', outlet: null, from: null, to: null, annotated: 'any' } as const;

/** A library made (the first start), then opened and closed again, so the next start finds its head. */
async function libraryWithHead() {
  await (await lib.open()).close();
  await (await lib.open()).close();
  const head = await readLibraryHead(lib.dir());
  expect(head).not.toBeNull();
  return head!;
}

async function settle(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setTimeout(resolve, 20));
  return settled;
}

describe('headFirstApi', () => {
  it('answers the first window from the head without opening the folder: the rows the core gives at start', async () => {
    const head = await libraryWithHead();
    let opened = 0;
    const folder = headFirstApi(head, () => {
      opened++;
      return lib.open();
    });
    const fromHead = await folder.api.listArticlesWindow(FIRST_WINDOW);
    expect(opened).toBe(0);
    expect(folder.opening()).toBeNull();

    const core = await lib.open();
    const fromCore = await core.listArticlesWindow(FIRST_WINDOW);
    expect(fromHead.revision).toBe(HEAD_REVISION);
    expect(fromHead.revision).not.toBe(fromCore.revision);
    // As the core answers before it has counted anything: every count 0, every article pending.
    expect({ ...fromHead, revision: null }).toEqual({ ...fromCore, revision: null });
    expect(fromHead.countsPending).toBe(fromHead.total);
  });

  it('hands the head it read to the folder’s open, so the store does not read it again', async () => {
    const head = await libraryWithHead();
    const handed: unknown[] = [];
    const folder = headFirstApi(head, (given) => {
      handed.push(given);
      return lib.open();
    });
    await folder.api.getCodebook({});
    expect(handed).toEqual([head]);
    expect(handed[0]).toBe(head);
  });

  it('a change made while the folder opens is kept, and from then on only the core answers', async () => {
    const head = await libraryWithHead();
    const folder = headFirstApi(head, () => lib.open());
    await folder.api.listArticlesWindow(FIRST_WINDOW);
    // The first other call opens the folder; the save waits for it.
    const saved = await folder.api.createAnnotation({ articleId: A001, tagId: 'quote', start: 0, end: 5 });
    let window = await folder.api.listArticlesWindow(FIRST_WINDOW);
    expect(window.revision).not.toBe(HEAD_REVISION);
    for (let i = 0; i < 200 && window.countsPending > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      window = await folder.api.listArticlesWindow(FIRST_WINDOW);
    }
    expect(window.rows.find((r) => r.id === A001)!.counts.quote).toBe(1);

    // Kept on disk: the next start's core has it.
    await (await folder.opening())!.close();
    const next = await lib.open();
    expect((await next.listAnnotations({ articleId: A001 })).map((a) => a.id)).toContain(saved.id);
  });

  it('after any other call the head answers no more, even before the folder is open', async () => {
    const head = await libraryWithHead();
    let open!: (core: Core) => void;
    const folder = headFirstApi(head, () => new Promise<Core>((resolve) => (open = resolve)));
    expect(await settle(folder.api.listArticlesWindow(FIRST_WINDOW))).toBe(true);
    const codebook = folder.api.getCodebook({});
    const window = folder.api.listArticlesWindow(FIRST_WINDOW);
    expect(await settle(window)).toBe(false);
    open(await lib.open());
    expect((await window).revision).not.toBe(HEAD_REVISION);
    expect((await codebook).length).toBeGreaterThan(0);
  });

  it('a window the head does not hold opens the folder and comes from the core', async () => {
    const head = await libraryWithHead();
    let opened = 0;
    const folder = headFirstApi(head, () => {
      opened++;
      return lib.open();
    });
    const sorted = await folder.api.listArticlesWindow({ ...FIRST_WINDOW, sort: 'title' });
    expect(opened).toBe(1);
    expect(sorted.revision).not.toBe(HEAD_REVISION);
  });

  it('once the host opened the folder (the timer), the core answers the first window too', async () => {
    const head = await libraryWithHead();
    const folder = headFirstApi(head, () => lib.open());
    await folder.open();
    expect((await folder.api.listArticlesWindow(FIRST_WINDOW)).revision).not.toBe(HEAD_REVISION);
  });

  it('without a head the folder opens at once; a folder that cannot be opened fails every call with its reason', async () => {
    let opened = 0;
    const folder = headFirstApi(null, () => {
      opened++;
      return lib.open();
    });
    expect(opened).toBe(1);
    expect(folder.opening()).not.toBeNull();
    expect((await folder.api.listArticlesWindow(FIRST_WINDOW)).revision).not.toBe(HEAD_REVISION);

    const failing = headFirstApi<TriangulateApi>(null, () => Promise.reject(new Error('the data folder is not readable')));
    await expect(failing.api.listArticlesWindow(FIRST_WINDOW)).rejects.toThrow('the data folder is not readable');
    await expect(failing.api.getCodebook({})).rejects.toThrow('the data folder is not readable');
  });
});
