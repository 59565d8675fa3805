import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coderCore, tempFolder } from '../../../tools/testSupport/teamFolders';
import { SEED } from '../../../tools/testSupport/useTestLibrary';
import { syncDataFolder } from '../sync/syncDataFolder';

let root = '';
let clock = 0;
const now = () => new Date(Date.UTC(2025, 0, 1, 0, 0, clock++));
beforeEach(async () => {
  root = await tempFolder();
  clock = 0;
  await fs.mkdir(join(root, 'remote'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('createSyncService', { timeout: 60_000 }, () => {
  it('is not linked until the folder is, and then syncs from the app: the open core sees the team\'s changes', async () => {
    const ana = await coderCore(join(root, 'ana'), 'ana', now, () => `a${clock++}`);
    try {
      expect(await ana.getSyncStatus({})).toMatchObject({ linked: false });
      await expect(ana.syncNow({})).rejects.toThrow(/not linked to a team remote/);
      const mine = await ana.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 8 });
      await syncDataFolder({ dataDir: join(root, 'ana'), remote: join(root, 'remote'), coder: 'ana', newSettings: { creator: 'ana' }, now });
      expect(await ana.getSyncStatus({})).toMatchObject({ linked: true, remote: join(root, 'remote'), ahead: 0, conflicts: [] });

      await syncDataFolder({ dataDir: join(root, 'ben'), remote: join(root, 'remote'), coder: 'ben', newSettings: { creator: 'ben' }, now });
      const ben = await coderCore(join(root, 'ben'), 'ben', now, () => `b${clock++}`);
      const theirs = await ben.createAnnotation({ articleId: SEED.A000, tagId: 'claim', start: 20, end: 30 });
      await ben.updateAnnotation({ articleId: SEED.A000, id: mine.id, note: 'ben' });
      await ben.close();
      await syncDataFolder({ dataDir: join(root, 'ben'), coder: 'ben', newSettings: { creator: 'ben' }, now });

      await ana.updateAnnotation({ articleId: SEED.A000, id: mine.id, note: 'ana, later' });
      expect((await ana.getSyncStatus({})).ahead).toBe(1);
      const result = await ana.syncNow({});
      expect(result).toMatchObject({ sent: true, newConflicts: 1, changedArticles: [SEED.A000] });
      expect(result.status).toMatchObject({ ahead: 0, conflicts: [expect.objectContaining({ id: mine.id, kept: 'local' })] });
      // The open core reads the merged file: ben's annotation is there, the later note kept.
      const list = await ana.listAnnotations({ articleId: SEED.A000 });
      expect(list.map((a) => a.id).sort()).toEqual([mine.id, theirs.id].sort());
      expect(list.find((a) => a.id === mine.id)?.note).toBe('ana, later');
      expect((await ana.dismissSyncConflicts({})).conflicts).toEqual([]);
    } finally {
      await ana.close();
    }
  });

  it("reads the people index's corrections again after a sync: the other coder's rename is seen and kept by a later correction", async () => {
    const ana = await coderCore(join(root, 'ana'), 'ana', now, () => `a${clock++}`);
    try {
      const [first, second] = (await ana.listEntities({})).entities;
      await syncDataFolder({ dataDir: join(root, 'ana'), remote: join(root, 'remote'), coder: 'ana', newSettings: { creator: 'ana' }, now });
      await syncDataFolder({ dataDir: join(root, 'ben'), remote: join(root, 'remote'), coder: 'ben', newSettings: { creator: 'ben' }, now });
      const ben = await coderCore(join(root, 'ben'), 'ben', now, () => `b${clock++}`);
      await ben.renameEntity({ id: first!.id, name: 'Renamed by ben' });
      await ben.close();
      await syncDataFolder({ dataDir: join(root, 'ben'), coder: 'ben', newSettings: { creator: 'ben' }, now });

      await ana.syncNow({});
      const names = async () => new Map((await ana.listEntities({})).entities.map((e) => [e.id, e.name]));
      expect((await names()).get(first!.id)).toBe('Renamed by ben');
      // A correction made after the sync is added to the merged file, not to the one read before it.
      await ana.renameEntity({ id: second!.id, name: 'Renamed by ana' });
      const after = await names();
      expect([after.get(first!.id), after.get(second!.id)]).toEqual(['Renamed by ben', 'Renamed by ana']);
    } finally {
      await ana.close();
    }
  });
});
