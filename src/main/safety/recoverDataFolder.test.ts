import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { listBackups } from './listBackups';
import { recoverDataFolder } from './recoverDataFolder';
import { useTempDir } from '../../../tools/testSupport/useTempDir';
import { notesOf004, saveNoteAndBackUp } from '../../../tools/testSupport/backedUpNote';

const A004 = '004_fe53cb2bbc3036b3';
const DAMAGED = '{"schemaVersion": 1, "articleId": "004_fe53cb2bbc3036b3", "annotations": [{"id"';

const dir = useTempDir('triangulate-recover-folder-');
let dataDir: string;
beforeEach(async () => {
  dataDir = join(dir(), 'data');
});

const annotationFile = () => join(dataDir, 'annotations', `${A004}.json`);
const RESTORE_TIME = new Date('2024-06-01T00:00:00.000Z');

describe('recoverDataFolder', () => {
  it('restores a damaged file from the newest backup and reports where the damaged one was kept', async () => {
    await saveNoteAndBackUp(dataDir, 'first', () => new Date('2024-05-01T12:00:00.000Z'));
    await saveNoteAndBackUp(dataDir, 'second', () => new Date('2024-05-01T12:05:00.000Z'));
    await fs.writeFile(annotationFile(), DAMAGED);

    const report = await recoverDataFolder(dataDir, { now: () => RESTORE_TIME });
    const keptAs = `quarantine/annotations/${A004}.json.2024-06-01T00-00-00.000Z`;
    expect(report).toEqual({
      restored: [
        { file: `annotations/${A004}.json`, fromBackup: '2024-05-01T12-05-00.000Z', backupTime: '2024-05-01T12:05:00.000Z', keptAs },
      ],
      quarantined: [keptAs],
      unrecoverable: [],
    });
    expect(await fs.readFile(join(dataDir, ...keptAs.split('/')), 'utf8')).toBe(DAMAGED);
    expect(await notesOf004(dataDir)).toEqual(['second']);
  });

  it('restores a garbage index.json, so the library opens again with what the backup held', async () => {
    await saveNoteAndBackUp(dataDir, 'first', () => new Date('2024-05-01T12:00:00.000Z'));
    await fs.writeFile(join(dataDir, 'index.json'), 'garbage');
    await expect(notesOf004(dataDir)).rejects.toThrow(/index\.json/);

    const report = await recoverDataFolder(dataDir, { now: () => RESTORE_TIME });
    expect(report.restored.map((r) => r.file)).toEqual(['index.json']);
    expect(report.unrecoverable).toEqual([]);
    expect(await notesOf004(dataDir)).toEqual(['first']);
  });

  it('lists a damaged file no backup holds as unrecoverable and leaves it in place', async () => {
    await saveNoteAndBackUp(dataDir, 'first', () => new Date('2024-05-01T12:00:00.000Z'));
    await fs.rm(join(dataDir, 'backups'), { recursive: true });
    await fs.writeFile(annotationFile(), DAMAGED);

    expect(await recoverDataFolder(dataDir)).toEqual({ restored: [], quarantined: [], unrecoverable: [`annotations/${A004}.json`] });
    expect(await fs.readFile(annotationFile(), 'utf8')).toBe(DAMAGED);
  });

  it('takes the copy from the backup given only', async () => {
    await saveNoteAndBackUp(dataDir, 'first', () => new Date('2024-05-01T12:00:00.000Z'));
    await saveNoteAndBackUp(dataDir, 'second', () => new Date('2024-05-01T12:05:00.000Z'));
    const [, older] = await listBackups(dataDir);
    await fs.writeFile(annotationFile(), DAMAGED);

    const report = await recoverDataFolder(dataDir, { backup: older });
    expect(report.restored.map((r) => r.fromBackup)).toEqual([older!.name]);
    expect(await notesOf004(dataDir)).toEqual(['first']);
  });
});
