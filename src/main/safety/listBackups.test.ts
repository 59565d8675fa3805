import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupName, backupTime, listBackups } from './listBackups';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const dir = useTempDir('triangulate-backups-');

describe('listBackups', () => {
  it('names backups by time without colons, and reads the time back', () => {
    const time = new Date('2024-05-01T12:30:05.123Z');
    expect(backupName(time)).toBe('2024-05-01T12-30-05.123Z');
    expect(backupTime(backupName(time))?.toISOString()).toBe(time.toISOString());
    expect(backupTime('2024-05-01T12-30-05.123Z-2')?.toISOString()).toBe(time.toISOString());
    expect(backupTime('.partial-2024-05-01T12-30-05.123Z-ab12')).toBeNull();
    expect(backupTime('notes')).toBeNull();
  });

  it('lists backup folders newest first, leaving out partial folders and other entries', async () => {
    for (const name of ['2024-05-01T12-30-05.123Z', '2024-05-02T08-00-00.000Z', '2024-05-01T12-30-05.123Z-2', '.partial-2024-06-01T00-00-00.000Z-ab12cd34', 'readme']) {
      await fs.mkdir(join(dir(), 'backups', name), { recursive: true });
    }
    await fs.writeFile(join(dir(), 'backups', '2025-01-01T00-00-00.000Z'), 'a file, not a backup');
    const backups = await listBackups(dir());
    expect(backups.map((b) => b.name)).toEqual(['2024-05-02T08-00-00.000Z', '2024-05-01T12-30-05.123Z-2', '2024-05-01T12-30-05.123Z']);
    expect(backups[0]!.dir).toBe(join(dir(), 'backups', '2024-05-02T08-00-00.000Z'));
    expect(backups[0]!.time.toISOString()).toBe('2024-05-02T08:00:00.000Z');
  });

  it('is empty when there are no backups yet', async () => {
    expect(await listBackups(dir())).toEqual([]);
  });
});
