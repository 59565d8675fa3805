import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../shared/model/model';
import { DataStore } from '../store/dataStore';
import { findDamagedFiles, type RememberedChecks } from './findDamagedFiles';
import { textHash } from '../store/textHash';
import { inProcessChecks, LARGE_DATA_FILE_BYTES, type LargeFileChecks } from '../store/largeFileChecks';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

/** Every data file the checks read, by path (the real reads, watched). */
const reads = vi.hoisted(() => [] as string[]);
vi.mock('./readDataEntry', async (original) => {
  const real = await original<typeof import('./readDataEntry')>();
  return {
    ...real,
    readDataEntry: (path: string) => (reads.push(path), real.readDataEntry(path)),
    readDataEntrySync: (path: string) => (reads.push(path), real.readDataEntrySync(path)),
  };
});

/** How many times the data folder's entries were listed. */
const listings = vi.hoisted(() => ({ count: 0 }));
vi.mock('../store/listDataFiles', async (original) => {
  const real = await original<typeof import('../store/listDataFiles')>();
  return { ...real, listDataEntries: (path: string) => (listings.count++, real.listDataEntries(path)) };
});

const dir = useTempDir('triangulate-damaged-');

const TEXT = 'Alpha said yes.';

async function library(): Promise<void> {
  const store = await DataStore.create(dir(), {
    articles: [{ id: 'a', title: 'a', date: null, outlet: null, hash: textHash(TEXT), length: TEXT.length, origin: 'a.txt', author: null, url: null, language: null, note: '', text: TEXT }],
    codebook: DEFAULT_CODEBOOK,
    settings: { creator: 'ana' },
  });
  const stamp = '2024-01-01T00:00:00.000Z';
  await store.updateAnnotations('a', () => ({
    annotations: [{ id: 'n1', articleId: 'a', tagId: 'quote', start: 0, end: 5, exact: 'Alpha', prefix: '', suffix: '', note: '', attributes: {}, creator: 'ana', created: stamp, modified: stamp }],
    result: null,
  }));
  // Its derived files written (counts.json, the library head): nothing changes in the folder after this.
  await store.close();
}

describe('findDamagedFiles', () => {
  it('finds nothing wrong in a library the store wrote', async () => {
    await library();
    const check = await findDamagedFiles(dir());
    expect(check.damaged).toEqual([]);
    expect(check.checked.sort()).toEqual(['annotations/a.json', 'index.json', 'texts/a.json']);
    expect(check.index?.articles.map((a) => a.id)).toEqual(['a']);
  });

  it('names each damaged file with its problem, index.json first', async () => {
    await library();
    await fs.writeFile(join(dir(), 'texts', 'a.json'), '{"schemaVersion": 1, "id": "a", "te');
    await fs.writeFile(join(dir(), 'index.json'), '');
    const { damaged, index } = await findDamagedFiles(dir());
    expect(index).toBeNull();
    expect(damaged).toEqual([
      { file: 'index.json', problem: expect.stringMatching(/not valid JSON/) },
      { file: 'texts/a.json', problem: expect.stringMatching(/not valid JSON/) },
    ]);
  });

  it('compares texts with the hashes of a good index.json', async () => {
    await library();
    await fs.writeFile(join(dir(), 'texts', 'a.json'), JSON.stringify({ schemaVersion: 1, id: 'a', text: 'Edited by hand.' }));
    expect(await findDamagedFiles(dir())).toMatchObject({ damaged: [{ file: 'texts/a.json', problem: expect.stringMatching(/hash/) }] });
  });

  it('counts the missing text of an article that index.json lists', async () => {
    await library();
    await fs.rm(join(dir(), 'texts', 'a.json'));
    expect((await findDamagedFiles(dir())).damaged).toEqual([{ file: 'texts/a.json', problem: 'is missing, while index.json lists the article "a"' }]);
  });

  it('counts a missing index.json as damage when annotations exist', async () => {
    await library();
    await fs.rm(join(dir(), 'index.json'));
    expect((await findDamagedFiles(dir())).damaged).toEqual([{ file: 'index.json', problem: expect.stringMatching(/missing/) }]);
    await fs.rm(join(dir(), 'annotations'), { recursive: true });
    expect((await findDamagedFiles(dir())).damaged).toEqual([]); // an import cut short: it simply runs again
  });

  it('remembering earlier checks (the health check), still finds a file damaged since, and its repair', async () => {
    await library();
    const remembered: RememberedChecks = new Map();
    expect((await findDamagedFiles(dir(), { remembered })).damaged).toEqual([]);
    expect([...remembered.keys()].sort()).toEqual(['annotations/a.json', 'texts/a.json']);
    // The same size, written within the same second: its inode and times still differ.
    const good = await fs.readFile(join(dir(), 'texts', 'a.json'), 'utf8');
    await fs.writeFile(join(dir(), 'texts', 'a.json'), good.replace('Alpha', 'Alfa!'));
    const again = await findDamagedFiles(dir(), { remembered });
    expect(again.damaged).toEqual([{ file: 'texts/a.json', problem: expect.stringMatching(/hash/) }]);
    expect(again.checked.sort()).toEqual(['annotations/a.json', 'index.json', 'texts/a.json']);
    // Unchanged since: still reported, from what was remembered.
    expect((await findDamagedFiles(dir(), { remembered })).damaged).toEqual(again.damaged);
    // A folder where the annotation file belongs is found too.
    await fs.rm(join(dir(), 'annotations', 'a.json'));
    await fs.mkdir(join(dir(), 'annotations', 'a.json'));
    expect((await findDamagedFiles(dir(), { remembered })).damaged.map((d) => d.file)).toEqual(['annotations/a.json', 'texts/a.json']);
    await fs.rm(join(dir(), 'annotations', 'a.json'), { recursive: true });
    await fs.writeFile(join(dir(), 'texts', 'a.json'), good);
    expect((await findDamagedFiles(dir(), { remembered })).damaged).toEqual([]);
  });

  it('asked again with nothing changed (the health check), reads no file, not even index.json; a changed index.json is read again', async () => {
    await library();
    const remembered: RememberedChecks = new Map();
    await findDamagedFiles(dir(), { remembered });
    reads.length = 0;
    expect((await findDamagedFiles(dir(), { remembered })).damaged).toEqual([]);
    expect(reads).toEqual([]);
    // index.json written again the same (a new file): read and hashed, the others not read again.
    const index = await fs.readFile(join(dir(), 'index.json'));
    await fs.rm(join(dir(), 'index.json'));
    await fs.writeFile(join(dir(), 'index.json'), index);
    expect((await findDamagedFiles(dir(), { remembered })).damaged).toEqual([]);
    expect(reads.map((p) => p.slice(dir().length + 1))).toEqual(['index.json']);
    // index.json changed so that the text no longer matches its hash: every file is checked again, and it is found.
    reads.length = 0;
    await fs.writeFile(join(dir(), 'index.json'), index.toString('utf8').replace(textHash(TEXT), textHash('Other text.')));
    expect((await findDamagedFiles(dir(), { remembered })).damaged).toEqual([{ file: 'texts/a.json', problem: 'does not match the hash recorded in index.json' }]);
    expect(reads.length).toBe(3);
  });

  it('asked again (the health check) while no folder changed, lists no folder again, and still finds a file written in place, added or removed', async () => {
    await library();
    // Folders changed within the last second do not vouch for a listing (see FOLDER_SETTLED_MS).
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const remembered: RememberedChecks = new Map();
    listings.count = 0;
    expect((await findDamagedFiles(dir(), { remembered })).damaged).toEqual([]);
    expect((await findDamagedFiles(dir(), { remembered })).damaged).toEqual([]);
    expect(listings.count).toBe(1);
    // Written in place (no folder changes): found by the file's own stamp.
    await fs.writeFile(join(dir(), 'annotations', 'a.json'), '{"broken":');
    expect((await findDamagedFiles(dir(), { remembered })).damaged.map((d) => d.file)).toEqual(['annotations/a.json']);
    expect(listings.count).toBe(1);
    // A file removed, and a damaged one added: the folders changed, so they are listed again.
    await fs.rm(join(dir(), 'texts', 'a.json'));
    await fs.writeFile(join(dir(), 'texts', 'b.json'), 'not json');
    const found = await findDamagedFiles(dir(), { remembered });
    expect(found.damaged.map((d) => d.file)).toEqual(['annotations/a.json', 'texts/a.json', 'texts/b.json']);
    expect(found.damaged.find((d) => d.file === 'texts/a.json')?.problem).toMatch(/is missing/);
    expect(listings.count).toBe(2);
  });

  it('asked again through a link to the data folder, still finds a data file added at its top', async () => {
    await library();
    const linked = `${dir()}-link`;
    await fs.symlink(dir(), linked);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const remembered: RememberedChecks = new Map();
      expect((await findDamagedFiles(linked, { remembered })).damaged).toEqual([]);
      expect((await findDamagedFiles(linked, { remembered })).damaged).toEqual([]);
      await fs.writeFile(join(dir(), 'links.json'), 'not json');
      expect((await findDamagedFiles(linked, { remembered })).damaged.map((d) => d.file)).toEqual(['links.json']);
    } finally {
      await fs.rm(linked);
    }
  });

  it('checks a large file by the checks given, the same as in this thread', async () => {
    const long = `Alpha said yes. ${'And more words follow here. '.repeat(LARGE_DATA_FILE_BYTES / 20)}`;
    await largeLibrary(long);
    const asked: string[] = [];
    const checks: LargeFileChecks = { check: (...args) => (asked.push(args[0]), inProcessChecks.check(...args)) };
    expect((await findDamagedFiles(dir(), { checks })).damaged).toEqual([]);
    expect(asked).toEqual(['texts/a.json']);
    await damageText(long);
    expect((await findDamagedFiles(dir(), { checks })).damaged).toEqual([{ file: 'texts/a.json', problem: 'does not match the hash recorded in index.json' }]);
    expect((await findDamagedFiles(dir())).damaged).toEqual([{ file: 'texts/a.json', problem: 'does not match the hash recorded in index.json' }]);
  });

  it('in the background (the health check), answers with a large file\'s last verdict until its new check has ended', async () => {
    const long = `Alpha said yes. ${'And more words follow here. '.repeat(LARGE_DATA_FILE_BYTES / 20)}`;
    await largeLibrary(long);
    /** Checks that end when told. */
    const waiting: (() => void)[] = [];
    let asked = 0;
    const checks: LargeFileChecks = {
      check: async (...args) => {
        asked++;
        await new Promise<void>((resolve) => waiting.push(resolve));
        return inProcessChecks.check(...args);
      },
    };
    const settle = async (): Promise<void> => {
      // The check starts once the file has been read.
      for (let i = 0; i < 200 && waiting.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      while (waiting.length > 0) waiting.shift()!();
      await new Promise((resolve) => setTimeout(resolve, 50));
    };
    const remembered: RememberedChecks = new Map();
    const options = { remembered, checks, largeInBackground: true };
    // A new large file: nothing known of it yet, and the answer does not wait for its check.
    expect((await findDamagedFiles(dir(), options)).damaged).toEqual([]);
    // Asked again while it is checked: the same check goes on, no second one starts.
    expect((await findDamagedFiles(dir(), options)).damaged).toEqual([]);
    // (Counted once the check has started: it starts after the file is read, which a quick second ask may beat.)
    await settle();
    expect(asked).toBe(1);
    expect(remembered.get('texts/a.json')?.problem).toBeNull();
    // Damaged since: its last verdict (good) until the check of the damaged file has ended, then the damage.
    await damageText(long);
    expect((await findDamagedFiles(dir(), options)).damaged).toEqual([]);
    await settle();
    expect((await findDamagedFiles(dir(), options)).damaged).toEqual([{ file: 'texts/a.json', problem: 'does not match the hash recorded in index.json' }]);
    expect(asked).toBe(2);
    // Unchanged since: not checked again.
    expect((await findDamagedFiles(dir(), options)).damaged).toHaveLength(1);
    expect(asked).toBe(2);
    // A small file is still checked at once.
    await fs.writeFile(join(dir(), 'annotations', 'a.json'), '{');
    expect((await findDamagedFiles(dir(), options)).damaged.map((d) => d.file)).toEqual(['annotations/a.json', 'texts/a.json']);
  });
});

async function largeLibrary(text: string): Promise<void> {
  await DataStore.create(dir(), {
    articles: [{ id: 'a', title: 'a', date: null, outlet: null, hash: textHash(text), length: text.length, origin: 'a.txt', author: null, url: null, language: null, note: '', text }],
    codebook: DEFAULT_CODEBOOK,
    settings: { creator: 'ana' },
  });
  expect((await fs.stat(join(dir(), 'texts', 'a.json'))).size).toBeGreaterThanOrEqual(LARGE_DATA_FILE_BYTES);
}

/** The same size, another text: its hash no longer matches. */
async function damageText(text: string): Promise<void> {
  const good = await fs.readFile(join(dir(), 'texts', 'a.json'), 'utf8');
  expect(good).toContain(text.slice(0, 20));
  await fs.writeFile(join(dir(), 'texts', 'a.json'), good.replace('Alpha', 'Alfa!'));
}
