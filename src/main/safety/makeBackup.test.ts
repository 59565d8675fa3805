import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK, type Annotation, type Article } from '../../shared/model/model';
import { DataStore } from '../store/dataStore';
import { listBackups } from './listBackups';
import { listDataFiles } from '../store/listDataFiles';
import { makeBackup } from './makeBackup';
import { textHash } from '../store/textHash';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const dir = useTempDir('triangulate-makebackup-');

function article(id: string, text: string): Article {
  return { id, title: id, date: null, outlet: null, hash: textHash(text), length: text.length, origin: `${id}.txt`, author: null, url: null, language: null, note: '', text };
}

function annotation(articleId: string, id: string, note: string): Annotation {
  const stamp = '2024-01-01T00:00:00.000Z';
  return { id, articleId, tagId: 'quote', start: 0, end: 5, exact: 'x', prefix: '', suffix: '', note, attributes: {}, creator: 'ana', created: stamp, modified: stamp };
}

async function library(): Promise<DataStore> {
  const store = await DataStore.create(dir(), {
    articles: [article('a', 'Alpha said yes.'), article('b', 'Bravo said no.')],
    codebook: DEFAULT_CODEBOOK,
    settings: { creator: 'ana' },
  });
  await store.updateAnnotations('a', (current) => ({ annotations: [...current, annotation('a', 'n1', 'first')], result: null }));
  await store.updateAnnotations('b', (current) => ({ annotations: [...current, annotation('b', 'm1', 'other')], result: null }));
  return store;
}

/** A clock that moves one minute per call. */
function clock(): () => Date {
  let minute = 0;
  return () => new Date(Date.UTC(2024, 4, 1, 12, minute++));
}

const read = (path: string) => fs.readFile(path, 'utf8');

describe('makeBackup', () => {
  it('copies index.json, texts/, annotations/ and links.json byte for byte into backups/<time>/', async () => {
    await library();
    await fs.writeFile(join(dir(), 'links.json'), JSON.stringify({ schemaVersion: 1, groups: [], sourceLinks: [] }));
    const { made, skipped } = await makeBackup(dir(), { now: clock() });
    expect(made?.name).toBe('2024-05-01T12-00-00.000Z');
    expect(skipped).toEqual([]);
    const copied = await listDataFiles(made!.dir);
    expect(copied).toEqual(['annotations/a.json', 'annotations/b.json', 'index.json', 'links.json', 'texts/a.json', 'texts/b.json']);
    for (const file of copied) expect(await read(join(made!.dir, file))).toBe(await read(join(dir(), file)));
  });

  it('never copies a file that fails its checks, and says which', async () => {
    await library();
    await fs.writeFile(join(dir(), 'annotations', 'a.json'), '{"schemaVersion":1,"articleId":"a","annotations":[');
    const { made, skipped, files } = await makeBackup(dir(), { now: clock() });
    expect(skipped).toEqual([{ file: 'annotations/a.json', problem: expect.stringMatching(/not valid JSON/) }]);
    expect(files).not.toContain('annotations/a.json');
    expect(await listDataFiles(made!.dir)).toEqual(['annotations/b.json', 'index.json', 'texts/a.json', 'texts/b.json']);
  });

  it('makes no new backup while nothing changed, and one after a change', async () => {
    const store = await library();
    const now = clock();
    expect((await makeBackup(dir(), { now })).made).not.toBeNull();
    expect((await makeBackup(dir(), { now })).made).toBeNull();
    await store.updateAnnotations('a', () => ({ annotations: [annotation('a', 'n1', 'edited')], result: null }));
    const { made } = await makeBackup(dir(), { now });
    expect(made).not.toBeNull();
    expect(await read(join(made!.dir, 'annotations', 'a.json'))).toContain('edited');
    expect((await listBackups(dir())).map((b) => b.name)).toEqual([made!.name, '2024-05-01T12-00-00.000Z']);
  });

  it('keeps only the newest `keep` backups', async () => {
    const store = await library();
    const now = clock();
    for (let i = 0; i < 5; i++) {
      await store.updateAnnotations('a', () => ({ annotations: [annotation('a', 'n1', `v${i}`)], result: null }));
      await makeBackup(dir(), { now, keep: 3 });
    }
    const names = (await listBackups(dir())).map((b) => b.name);
    expect(names).toEqual(['2024-05-01T12-04-00.000Z', '2024-05-01T12-03-00.000Z', '2024-05-01T12-02-00.000Z']);
    expect(await read(join(dir(), 'backups', names[0]!, 'annotations', 'a.json'))).toContain('v4');
  });

  it('removes what a crash left of an old backup being removed, and never lists it', async () => {
    await library();
    const leftover = join(dir(), 'backups', '.removing-2024-05-01T09-00-00.000Z-deadbeef');
    await fs.mkdir(join(leftover, 'annotations'), { recursive: true });
    await fs.writeFile(join(leftover, 'annotations', 'a.json'), '{}');
    expect(await listBackups(dir())).toEqual([]);
    await makeBackup(dir(), { now: clock() });
    expect(await fs.readdir(join(dir(), 'backups'))).toEqual(['2024-05-01T12-00-00.000Z']);
  });

  it('makes nothing in a folder without good files', async () => {
    expect((await makeBackup(dir())).made).toBeNull();
    await expect(fs.stat(join(dir(), 'backups'))).rejects.toThrow(/ENOENT/);
  });

  it('removes partial folders left by a crash once they are old, and never lists them as backups', async () => {
    await library();
    const partial = join(dir(), 'backups', '.partial-2024-05-01T10-00-00.000Z-deadbeef');
    await fs.mkdir(partial, { recursive: true });
    await fs.writeFile(join(partial, 'index.json'), '{"cut sh');
    await makeBackup(dir(), { now: () => new Date() });
    await expect(fs.stat(partial)).resolves.toBeTruthy(); // young: may be another process's backup in progress
    expect(await listBackups(dir())).toHaveLength(1);
    const later = new Date(Date.now() + 2 * 60 * 60 * 1000);
    await fs.writeFile(join(dir(), 'annotations', 'a.json'), (await read(join(dir(), 'annotations', 'a.json'))).replace('first', 'changed'));
    await makeBackup(dir(), { now: () => later });
    await expect(fs.stat(partial)).rejects.toThrow(/ENOENT/);
  });

  it('copies only what changed since the newest backup: unchanged files are linked to its copies, not read again', async () => {
    const store = await library();
    const now = clock();
    const first = (await makeBackup(dir(), { now })).made!;
    await store.updateAnnotations('a', () => ({ annotations: [annotation('a', 'n1', 'edited')], result: null }));
    const second = (await makeBackup(dir(), { now })).made!;
    const inode = async (backup: string, file: string) => (await fs.stat(join(backup, file))).ino;
    expect(await inode(second.dir, 'texts/b.json')).toBe(await inode(first.dir, 'texts/b.json'));
    expect(await inode(second.dir, 'annotations/a.json')).not.toBe(await inode(first.dir, 'annotations/a.json'));
    expect(await read(join(second.dir, 'annotations', 'a.json'))).toContain('edited');
    expect(await read(join(first.dir, 'annotations', 'a.json'))).toContain('first');
    for (const file of await listDataFiles(dir())) expect(await read(join(second.dir, file))).toBe(await read(join(dir(), file)));
  });

  it('after a backup recorded by an earlier version (stamps without the change time), still links the unchanged files, and notices a file written in place', async () => {
    const store = await library();
    const now = clock();
    const first = (await makeBackup(dir(), { now })).made!;
    // Its manifest as the earlier version wrote it: "inode:size:mtimeNs" per file.
    const manifestPath = join(first.dir, '.manifest.json');
    const manifest = JSON.parse(await read(manifestPath)) as { files: Record<string, { stamp: string }> };
    for (const entry of Object.values(manifest.files)) entry.stamp = entry.stamp.split(':').slice(0, 3).join(':');
    await fs.writeFile(manifestPath, JSON.stringify(manifest));
    await store.updateAnnotations('a', () => ({ annotations: [annotation('a', 'n1', 'edited')], result: null }));
    // Written in place by another program, as many bytes: a new modification time, the same inode and size.
    const textB = join(dir(), 'texts', 'b.json');
    await fs.writeFile(textB, (await read(textB)).replace('Bravo said no.', 'Bravo said NO.'));
    const second = (await makeBackup(dir(), { now })).made!;
    const inode = async (backup: string, file: string) => (await fs.stat(join(backup, file))).ino;
    expect(await inode(second.dir, 'texts/a.json')).toBe(await inode(first.dir, 'texts/a.json'));
    expect(await inode(second.dir, 'index.json')).toBe(await inode(first.dir, 'index.json'));
    // Changed: not linked (its hash no longer matches index.json, so it is left out, and said so).
    expect(await fs.stat(join(second.dir, 'texts', 'b.json')).catch(() => null)).toBeNull();
    expect(await read(join(second.dir, 'annotations', 'a.json'))).toContain('edited');
  });

  it('a backup stays whole when older ones are removed, and a file removed from the library is not in the next backup', async () => {
    const store = await library();
    const now = clock();
    await makeBackup(dir(), { now, keep: 1 });
    await store.updateAnnotations('a', () => ({ annotations: [annotation('a', 'n1', 'edited')], result: null }));
    await fs.rm(join(dir(), 'annotations', 'b.json'));
    const { made } = await makeBackup(dir(), { now, keep: 1 });
    expect((await listBackups(dir())).map((b) => b.name)).toEqual([made!.name]);
    expect(await listDataFiles(made!.dir)).toEqual(['annotations/a.json', 'index.json', 'texts/a.json', 'texts/b.json']);
    for (const file of await listDataFiles(made!.dir)) expect(await read(join(made!.dir, file))).toBe(await read(join(dir(), file)));
  });

  it('checks an unchanged text again when its entry in index.json changed, and leaves it out when it no longer matches', async () => {
    await library();
    const now = clock();
    await makeBackup(dir(), { now });
    const index = JSON.parse(await read(join(dir(), 'index.json')));
    index.articles.find((a: { id: string }) => a.id === 'b').hash = textHash('something else');
    await fs.writeFile(join(dir(), 'index.json'), JSON.stringify(index));
    const { made, skipped } = await makeBackup(dir(), { now });
    expect(skipped).toEqual([{ file: 'texts/b.json', problem: 'does not match the hash recorded in index.json' }]);
    expect(await listDataFiles(made!.dir)).not.toContain('texts/b.json');
  });

  it('makes no new backup when a file was written again with the same bytes', async () => {
    await library();
    const now = clock();
    await makeBackup(dir(), { now });
    const bytes = await read(join(dir(), 'texts', 'a.json'));
    await fs.rm(join(dir(), 'texts', 'a.json'));
    await fs.writeFile(join(dir(), 'texts', 'a.json'), bytes);
    expect((await makeBackup(dir(), { now })).made).toBeNull();
    expect(await listBackups(dir())).toHaveLength(1);
  });

  it('waits for its turn while the core answers a call (a 300-article library: between stretches of files)', async () => {
    const texts = Array.from({ length: 300 }, (_, i) => article(`t${i}`, `Text number ${i} said so.`));
    await DataStore.create(dir(), { articles: texts, codebook: DEFAULT_CODEBOOK, settings: { creator: 'ana' } });
    let answerCall = (): void => undefined;
    const callInFlight = new Promise<void>((resolve) => (answerCall = resolve));
    let turnsAsked = 0;
    let done = false;
    const backup = makeBackup(dir(), { now: clock(), giveWay: () => (turnsAsked++, callInFlight) }).then((outcome) => ((done = true), outcome));
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Stopped at its first turn while the call runs; goes on (and makes the whole backup) once it is answered.
    expect(turnsAsked).toBe(1);
    expect(done).toBe(false);
    answerCall();
    const { made, files } = await backup;
    expect(files).toHaveLength(301);
    expect(await listDataFiles(made!.dir)).toHaveLength(301);
    expect(turnsAsked).toBeGreaterThanOrEqual(2);
  });

  it('stops part way when told to (the app closing), leaving no backup and no partial copy', async () => {
    await library();
    let looks = 0;
    // Aborted after the stamps of the 6 files and the copy of the first 2.
    const signal = { throwIfAborted: () => { if (++looks > 8) throw new Error('closing'); } } as unknown as AbortSignal;
    await expect(makeBackup(dir(), { now: clock(), signal })).rejects.toThrow('closing');
    expect(looks).toBe(9);
    expect(await fs.readdir(join(dir(), 'backups')).catch(() => [])).toEqual([]);
    expect(await listBackups(dir())).toEqual([]);
  });
});
