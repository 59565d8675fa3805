import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coderCore, tempFolder } from '../../../tools/testSupport/teamFolders';
import { SEED } from '../../../tools/testSupport/useTestLibrary';
import { readSyncStatus } from './readSyncStatus';
import { syncDataFolder } from './syncDataFolder';

let root = '';
let clock = 0;
const now = (): Date => new Date(Date.UTC(2025, 0, 1, 0, 0, clock++));

beforeEach(async () => {
  root = await tempFolder();
  await fs.mkdir(join(root, 'remote'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** Makes the data folders look untouched for a minute, as they are between a coder's saves. */
async function ageFolders(dataDir: string): Promise<void> {
  const past = new Date(Date.now() - 60_000);
  for (const folder of ['texts', 'annotations']) await fs.utimes(join(dataDir, folder), past, past);
}

describe('readSyncStatus: what waits to be sent', { timeout: 60_000 }, () => {
  it('counts every save made since the last sync, however often it is asked, and none after a sync', async () => {
    const dataDir = join(root, 'ana');
    const core = await coderCore(dataDir, 'ana', now, () => `a${clock++}`);
    try {
      await syncDataFolder({ dataDir, remote: join(root, 'remote'), coder: 'ana', newSettings: { creator: 'ana' }, now });
      await ageFolders(dataDir);
      expect((await readSyncStatus(dataDir)).ahead).toBe(0);
      // Asked again with nothing saved: the same answer from folders left as they were.
      expect((await readSyncStatus(dataDir)).ahead).toBe(0);

      await core.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 8 });
      expect((await readSyncStatus(dataDir)).ahead).toBe(1);
      await ageFolders(dataDir);
      expect((await readSyncStatus(dataDir)).ahead).toBe(1);
      await core.createAnnotation({ articleId: SEED.A001, tagId: 'claim', start: 0, end: 8 });
      expect((await readSyncStatus(dataDir)).ahead).toBe(2);

      await syncDataFolder({ dataDir, coder: 'ana', newSettings: { creator: 'ana' }, now });
      expect((await readSyncStatus(dataDir)).ahead).toBe(0);
    } finally {
      await core.close();
    }
  });
});
