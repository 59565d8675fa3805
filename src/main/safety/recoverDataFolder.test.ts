import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../core/createCore';
import { listBackups } from './listBackups';
import { makeBackup } from './makeBackup';
import { recoverDataFolder } from './recoverDataFolder';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const A004 = '004_fe53cb2bbc3036b3';
const DAMAGED = '{"schemaVersion": 1, "articleId": "004_fe53cb2bbc3036b3", "annotations": [{"id"';

const dir = useTempDir('triangulate-recover-folder-');
let dataDir: string;
beforeEach(async () => {
  dataDir = join(dir(), 'data');
});

const annotationFile = () => join(dataDir, 'annotations', `${A004}.json`);
const RESTORE_TIME = new Date('2024-06-01T00:00:00.000Z');

/** Saves one annotation with `note` on 004 and makes a backup at `time`. */
async function saveNoteAndBackUp(note: string, time: Date): Promise<void> {
  const core = await createCore({ dataDir, corpusDir: CORPUS, creator: 'ana', backups: false });
  const [existing] = await core.listAnnotations({ articleId: A004 });
  if (existing) await core.updateAnnotation({ articleId: A004, id: existing.id, note });
  else await core.createAnnotation({ articleId: A004, tagId: 'quote', start: 3, end: 9, note });
  await core.close();
  await makeBackup(dataDir, { now: () => time });
}

async function notesOf004(): Promise<string[]> {
  const core = await createCore({ dataDir, corpusDir: CORPUS, backups: false });
  try {
    return (await core.listAnnotations({ articleId: A004 })).map((a) => a.note);
  } finally {
    await core.close();
  }
}

describe('recoverDataFolder', () => {
  it('restores a damaged file from the newest backup and reports where the damaged one was kept', async () => {
    await saveNoteAndBackUp('first', new Date('2024-05-01T12:00:00.000Z'));
    await saveNoteAndBackUp('second', new Date('2024-05-01T12:05:00.000Z'));
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
    expect(await notesOf004()).toEqual(['second']);
  });

  it('restores a garbage index.json, so the library opens again with what the backup held', async () => {
    await saveNoteAndBackUp('first', new Date('2024-05-01T12:00:00.000Z'));
    await fs.writeFile(join(dataDir, 'index.json'), 'garbage');
    await expect(notesOf004()).rejects.toThrow(/index\.json/);

    const report = await recoverDataFolder(dataDir, { now: () => RESTORE_TIME });
    expect(report.restored.map((r) => r.file)).toEqual(['index.json']);
    expect(report.unrecoverable).toEqual([]);
    expect(await notesOf004()).toEqual(['first']);
  });

  it('lists a damaged file no backup holds as unrecoverable and leaves it in place', async () => {
    await saveNoteAndBackUp('first', new Date('2024-05-01T12:00:00.000Z'));
    await fs.rm(join(dataDir, 'backups'), { recursive: true });
    await fs.writeFile(annotationFile(), DAMAGED);

    expect(await recoverDataFolder(dataDir)).toEqual({ restored: [], quarantined: [], unrecoverable: [`annotations/${A004}.json`] });
    expect(await fs.readFile(annotationFile(), 'utf8')).toBe(DAMAGED);
  });

  it('takes the copy from the backup given only', async () => {
    await saveNoteAndBackUp('first', new Date('2024-05-01T12:00:00.000Z'));
    await saveNoteAndBackUp('second', new Date('2024-05-01T12:05:00.000Z'));
    const [, older] = await listBackups(dataDir);
    await fs.writeFile(annotationFile(), DAMAGED);

    const report = await recoverDataFolder(dataDir, { backup: older });
    expect(report.restored.map((r) => r.fromBackup)).toEqual([older!.name]);
    expect(await notesOf004()).toEqual(['first']);
  });
});
