import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK, type Annotation } from '../../shared/model/model';
import { DataStore } from '../store/dataStore';
import { listBackups } from './listBackups';
import { startRollingBackups } from './rollingBackups';
import { textHash } from '../store/textHash';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const dir = useTempDir('triangulate-rolling-');

const TEXT = 'Alpha said yes.';

async function library(): Promise<DataStore> {
  return DataStore.create(dir(), {
    articles: [{ id: 'a', title: 'a', date: null, outlet: null, hash: textHash(TEXT), length: TEXT.length, origin: 'a.txt', author: null, url: null, language: null, note: '', text: TEXT }],
    codebook: DEFAULT_CODEBOOK,
    settings: { creator: 'ana' },
  });
}

function save(store: DataStore, note: string): Promise<null> {
  const stamp = '2024-01-01T00:00:00.000Z';
  const a: Annotation = { id: 'n1', articleId: 'a', tagId: 'quote', start: 0, end: 5, exact: 'Alpha', prefix: '', suffix: '', note, attributes: {}, creator: 'ana', created: stamp, modified: stamp };
  return store.updateAnnotations('a', () => ({ annotations: [a], result: null }));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('startRollingBackups', () => {
  it('backs up at start, then again only after a change, on its timer', async () => {
    const store = await library();
    const backups = startRollingBackups(dir(), { intervalMs: 100 });
    try {
      await backups.backupNow();
      expect(await listBackups(dir())).toHaveLength(1);
      await sleep(350); // several looks at an unchanged folder
      expect(await listBackups(dir())).toHaveLength(1);
      await save(store, 'changed');
      await sleep(350);
      const after = await listBackups(dir());
      expect(after).toHaveLength(2);
      expect(await fs.readFile(join(after[0]!.dir, 'annotations', 'a.json'), 'utf8')).toContain('changed');
    } finally {
      await backups.close();
    }
  });

  it('a new start on an unchanged folder reads nothing and makes no backup; after a change it backs up again', async () => {
    const store = await library();
    await fs.writeFile(join(dir(), 'annotations', 'zz.json'), 'not json');
    const reported: string[][] = [];
    const onSkipped = (skipped: { file: string }[]) => reported.push(skipped.map((s) => s.file));
    const first = startRollingBackups(dir(), { intervalMs: 60_000, onSkipped });
    await first.backupNow();
    await first.close();
    expect(await listBackups(dir())).toHaveLength(1);
    expect(reported).toEqual([['annotations/zz.json']]);

    // Same files: the recorded fingerprint says the newest backup holds them; no file is read or checked.
    const second = startRollingBackups(dir(), { intervalMs: 60_000, onSkipped });
    await second.backupNow();
    await second.close();
    expect(await listBackups(dir())).toHaveLength(1);
    expect(reported).toHaveLength(1);

    await save(store, 'changed');
    const third = startRollingBackups(dir(), { intervalMs: 60_000, onSkipped });
    await third.backupNow();
    await third.close();
    expect(await listBackups(dir())).toHaveLength(2);
    expect(reported).toHaveLength(2);
  });

  it('with a start delay, makes the first backup only after it', async () => {
    await library();
    const backups = startRollingBackups(dir(), { intervalMs: 60_000, startDelayMs: 200 });
    try {
      await sleep(50);
      expect(await listBackups(dir())).toHaveLength(0);
      await sleep(400);
      expect(await listBackups(dir())).toHaveLength(1);
    } finally {
      await backups.close();
    }
  });

  it('does not save on its own within the interval', async () => {
    const store = await library();
    const backups = startRollingBackups(dir(), { intervalMs: 60_000 });
    try {
      await backups.backupNow();
      await save(store, 'changed');
      await sleep(100);
      expect(await listBackups(dir())).toHaveLength(1);
      // …but a look (the timer's, here forced) takes the change.
      expect((await backups.backupNow())?.made).not.toBeNull();
    } finally {
      await backups.close();
    }
  });

  it('reports a failed backup and keeps going', async () => {
    await library();
    await fs.writeFile(join(dir(), 'backups'), 'a file where the backups folder should be');
    const errors: unknown[] = [];
    const backups = startRollingBackups(dir(), { onError: (e) => errors.push(e) });
    await backups.backupNow();
    await backups.close();
    expect(errors.length).toBeGreaterThan(0);
    expect(String(errors[0])).toMatch(/backups/);
  });

  it('close waits for a backup in progress and stops the timer', async () => {
    await library();
    const backups = startRollingBackups(dir(), { intervalMs: 20 });
    await backups.close();
    const names = await fs.readdir(join(dir(), 'backups')).catch(() => []);
    expect(names.every((name) => !name.startsWith('.partial'))).toBe(true);
    await save((await DataStore.open(dir()))!, 'after close');
    await sleep(100);
    expect(await fs.readdir(join(dir(), 'backups')).catch(() => [])).toEqual(names);
  });

  it('close stops a backup that takes longer than it waits, leaving no partial copy and no backup', async () => {
    await library();
    const errors: unknown[] = [];
    const backups = startRollingBackups(dir(), { closeWaitMs: 0, onError: (e) => errors.push(e) });
    await backups.close();
    expect(await fs.readdir(join(dir(), 'backups')).catch(() => [])).toEqual([]);
    expect(errors).toEqual([]);
  });
});
