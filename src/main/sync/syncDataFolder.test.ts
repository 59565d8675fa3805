import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import git from 'isomorphic-git';
import { coderCore, sharedContents, tempFolder } from '../../../tools/testSupport/teamFolders';
import { SEED } from '../../../tools/testSupport/useTestLibrary';
import { gitFs } from './gitFs';
import { readConflicts } from './syncState';
import { syncDataFolder, type SyncOptions } from './syncDataFolder';

let root = '';
let clock = 0;
let ids = 0;
const now = (): Date => new Date(Date.UTC(2025, 0, 1, 0, 0, clock++));
const newId = (): string => `id${++ids}`;

beforeEach(async () => {
  root = await tempFolder();
  clock = 0;
  ids = 0;
  await fs.mkdir(join(root, 'remote.git'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const dirOf = (name: string): string => join(root, name);
const sync = (name: string, more: Partial<SyncOptions> = {}) =>
  syncDataFolder({ dataDir: dirOf(name), coder: name, newSettings: { creator: name }, now, ...more });

/** Runs `edit` on a core of `name`'s folder, closed after. */
async function withCore<T>(name: string, edit: (core: Awaited<ReturnType<typeof coderCore>>) => Promise<T>): Promise<T> {
  const core = await coderCore(dirOf(name), name, now, newId);
  try {
    return await edit(core);
  } finally {
    await core.close();
  }
}

const quote = { articleId: SEED.A000, tagId: 'quote' };

describe('syncDataFolder: two coders and a bare repository on disk', { timeout: 60_000 }, () => {
  it('links a library, receives it into an empty folder, and merges both sides\' additions, edits and deletions', async () => {
    const a1 = await withCore('ana', (core) => core.createAnnotation({ ...quote, start: 0, end: 10 }));
    const first = await sync('ana', { remote: join(root, 'remote.git') });
    expect(first).toMatchObject({ cloned: false, sent: true, conflicts: [] });

    const received = await sync('ben', { remote: join(root, 'remote.git') });
    expect(received.cloned).toBe(true);
    expect(await sharedContents(dirOf('ben'))).toEqual(await sharedContents(dirOf('ana')));
    // The coder's own settings are not the other coder's.
    expect(JSON.parse(await fs.readFile(join(dirOf('ben'), 'index.json'), 'utf8')).settings).toEqual({ creator: 'ben' });

    const a2 = await withCore('ana', (core) => core.createAnnotation({ ...quote, start: 20, end: 30 }));
    const b1 = await withCore('ben', async (core) => {
      await core.updateAnnotation({ articleId: SEED.A000, id: a1.id, note: 'ben was here' });
      return core.createAnnotation({ articleId: SEED.A001, tagId: 'claim', start: 5, end: 15 });
    });
    await sync('ana');
    await sync('ben');
    await sync('ana');
    expect(await sharedContents(dirOf('ben'))).toEqual(await sharedContents(dirOf('ana')));
    await withCore('ana', async (core) => {
      const mine = await core.listAnnotations({ articleId: SEED.A000 });
      expect(mine.map((a) => [a.id, a.note])).toEqual([
        [a1.id, 'ben was here'],
        [a2.id, ''],
      ]);
      expect((await core.listAnnotations({ articleId: SEED.A001 })).map((a) => a.id)).toEqual([b1.id]);
      // A deletion on one side, the other leaving it alone: deleted on both.
      await core.deleteAnnotation({ articleId: SEED.A001, id: b1.id });
    });
    await sync('ana');
    await sync('ben');
    await withCore('ben', async (core) => expect(await core.listAnnotations({ articleId: SEED.A001 })).toEqual([]));
    expect(await sharedContents(dirOf('ben'))).toEqual(await sharedContents(dirOf('ana')));
  });

  it('keeps the later of two edits of one annotation and reports the other as a conflict', async () => {
    const a1 = await withCore('ana', (core) => core.createAnnotation({ ...quote, start: 0, end: 10 }));
    await sync('ana', { remote: join(root, 'remote.git') });
    await sync('ben', { remote: join(root, 'remote.git') });
    await withCore('ana', (core) => core.updateAnnotation({ articleId: SEED.A000, id: a1.id, note: 'earlier, by ana' }));
    await withCore('ben', (core) => core.updateAnnotation({ articleId: SEED.A000, id: a1.id, note: 'later, by ben' }));
    await sync('ana');
    const report = await sync('ben');
    expect(report.conflicts).toEqual([
      expect.objectContaining({ file: `annotations/${SEED.A000}.json`, kind: 'annotation', id: a1.id, kept: 'local', lost: expect.objectContaining({ note: 'earlier, by ana' }) }),
    ]);
    expect(await readConflicts(dirOf('ben'))).toHaveLength(1);
    await sync('ana');
    for (const name of ['ana', 'ben']) {
      await withCore(name, async (core) => expect((await core.getAnnotation({ articleId: SEED.A000, id: a1.id })).note).toBe('later, by ben'));
    }
  });

  it("merges both coders' corrections of the people index (a rename on one side, a kind on the other)", async () => {
    const [first, second] = await withCore('ana', async (core) => (await core.listEntities({})).entities);
    expect(first && second).toBeTruthy();
    await sync('ana', { remote: join(root, 'remote.git') });
    await sync('ben', { remote: join(root, 'remote.git') });
    await withCore('ana', (core) => core.renameEntity({ id: first!.id, name: 'Renamed by ana' }));
    const kind = second!.kind === 'organisation' ? 'person' : 'organisation';
    await withCore('ben', (core) => core.setEntityKind({ id: second!.id, kind }));
    await sync('ana');
    expect((await sync('ben')).conflicts).toEqual([]);
    await sync('ana');
    expect(await sharedContents(dirOf('ben'))).toEqual(await sharedContents(dirOf('ana')));
    for (const name of ['ana', 'ben']) {
      await withCore(name, async (core) => {
        const byId = new Map((await core.listEntities({})).entities.map((e) => [e.id, e]));
        expect(byId.get(first!.id)?.name).toBe('Renamed by ana');
        expect(byId.get(second!.id)?.kind).toBe(kind);
      });
    }
  });

  it('merges codebooks by tag id and keeps a reorder made on one side', async () => {
    await withCore('ana', async () => undefined);
    await sync('ana', { remote: join(root, 'remote.git') });
    await sync('ben', { remote: join(root, 'remote.git') });
    await withCore('ana', (core) => core.reorderTags({ ids: ['source', 'quote', 'claim'] }));
    await withCore('ben', (core) => core.saveTag({ tag: { name: 'Frame', color: '#123456', key: null, description: '', attributes: [] } }));
    await sync('ana');
    await sync('ben');
    await sync('ana');
    for (const name of ['ana', 'ben']) {
      await withCore(name, async (core) => expect((await core.getCodebook({})).map((t) => t.id)).toEqual(['source', 'quote', 'claim', 'frame']));
    }
  });

  it('refuses a remote that is missing, not a library, or from a newer version, and changes nothing here', async () => {
    await withCore('ana', async () => undefined);
    const before = await sharedContents(dirOf('ana'));
    await expect(sync('ana', { remote: join(root, 'nowhere') })).rejects.toThrow(/cannot be reached: it does not exist/);
    await fs.writeFile(join(root, 'notes.txt'), 'x');
    const plain = join(root, 'plain');
    await fs.mkdir(plain);
    await fs.writeFile(join(plain, 'notes.txt'), 'x');
    await expect(sync('ana', { remote: plain })).rejects.toThrow(/is not a bare git repository/);

    // A remote whose library is newer than this version.
    await sync('ben', { remote: join(root, 'remote.git') }).catch(() => undefined);
    await withCore('cat', async () => undefined);
    const index = JSON.parse(await fs.readFile(join(dirOf('cat'), 'index.json'), 'utf8'));
    await fs.writeFile(join(dirOf('cat'), 'index.json'), JSON.stringify({ ...index, schemaVersion: 99 }));
    await sync('cat', { remote: join(root, 'remote.git') });
    await expect(sync('ana', { remote: join(root, 'remote.git') })).rejects.toThrow(/newer version of Triangulate \(data format 99/);

    expect(await sharedContents(dirOf('ana'))).toEqual(before);
    await expect(fs.stat(join(dirOf('ana'), '.git'))).rejects.toThrow();
  });

  it('is not confused by an empty remote when receiving: says it holds no library', async () => {
    await expect(sync('ben', { remote: join(root, 'remote.git') })).rejects.toThrow(/holds no library yet/);
    await expect(fs.stat(join(dirOf('ben'), '.git'))).rejects.toThrow();
  });

  it('finishes on a run again after a sync cut short at every step, with both sides\' changes', async () => {
    const a1 = await withCore('ana', (core) => core.createAnnotation({ ...quote, start: 0, end: 10 }));
    await sync('ana', { remote: join(root, 'remote.git') });
    await sync('ben', { remote: join(root, 'remote.git') });
    for (const cut of ['committed', 'fetched', 'writing', 'written', 'merged'] as const) {
      await withCore('ana', (core) => core.createAnnotation({ articleId: SEED.A002, tagId: 'claim', start: clock, end: clock + 5 }));
      await withCore('ana', (core) => core.updateAnnotation({ articleId: SEED.A000, id: a1.id, note: `ana ${cut}` }));
      await withCore('ben', (core) => core.createAnnotation({ articleId: SEED.A002, tagId: 'quote', start: clock, end: clock + 5 }));
      await sync('ana');
      let steps = 0;
      await expect(
        sync('ben', {
          step: (name) => {
            if (name === cut && ++steps === (cut === 'writing' ? 2 : 1)) throw new Error(`killed at ${cut}`);
          },
        }),
      ).rejects.toThrow(`killed at ${cut}`);
      // What is on disk is a library the app opens.
      await withCore('ben', async (core) => expect((await core.listAnnotations({ articleId: SEED.A002 })).length).toBeGreaterThan(0));
      await sync('ben');
      await sync('ana');
      expect(await sharedContents(dirOf('ben'))).toEqual(await sharedContents(dirOf('ana')));
      await withCore('ben', async (core) => expect((await core.getAnnotation({ articleId: SEED.A000, id: a1.id })).note).toBe(`ana ${cut}`));
    }
    const log = await git.log({ fs: gitFs, gitdir: join(root, 'remote.git'), ref: 'main' });
    expect(log.length).toBeGreaterThan(5);
  });
});
