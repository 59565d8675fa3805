import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { runRecover } from './cliRecover';
import { createCore } from '../core/createCore';
import { acquireDataFolderLock } from '../store/dataFolderLock';
import { listBackups } from '../safety/listBackups';
import { useTempDir } from '../../../tools/testSupport/useTempDir';
import { recordingIo } from '../../../tools/testSupport/recordingIo';
import { notesOf004, saveNoteAndBackUp } from '../../../tools/testSupport/backedUpNote';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const A004 = '004_fe53cb2bbc3036b3';
const A002 = '002_38b56a2e379d189f';

const dir = useTempDir('triangulate-recover-');
let dataDir: string;
let backupClock: () => Date;
beforeEach(async () => {
  dataDir = join(dir(), 'data');
  backupClock = clock();
});

/** A clock that moves one minute per call. */
function clock(start = Date.UTC(2024, 4, 1, 12, 0)): () => Date {
  let minute = 0;
  return () => new Date(start + 60_000 * minute++);
}

const annotationFile = () => join(dataDir, 'annotations', `${A004}.json`);
const DAMAGED = '{"schemaVersion": 1, "articleId": "004_fe53cb2bbc3036b3", "annotations": [{"id"';

async function quarantined(): Promise<string[]> {
  return (await fs.readdir(join(dataDir, 'quarantine'), { recursive: true }).catch(() => [])).map(String).sort();
}

describe('runRecover', () => {
  it('restores a damaged file from the newest backup, keeps the damaged one in quarantine and says what may be lost', async () => {
    await saveNoteAndBackUp(dataDir, 'first', backupClock);
    await saveNoteAndBackUp(dataDir, 'second', backupClock);
    await fs.writeFile(annotationFile(), DAMAGED);
    await expect(notesOf004(dataDir)).rejects.toThrow(/not valid JSON/);

    const io = recordingIo(dir());
    expect(await runRecover(['--data', 'data'], io, { now: () => new Date('2024-06-01T00:00:00.000Z') })).toBe(0);
    const [newest] = await listBackups(dataDir);
    const aside = join(dataDir, 'quarantine', 'annotations', `${A004}.json.2024-06-01T00-00-00.000Z`);
    expect(io.stdout).toContainEqual(expect.stringMatching(new RegExp(`^  annotations/${A004}\\.json is not valid JSON`)));
    expect(io.stdout).toContain(
      `annotations/${A004}.json: restored from backup ${newest!.name}. Changes after 2024-05-01 12:01:00 UTC to annotations/${A004}.json may be lost; the damaged file is kept as ${aside}.`,
    );
    expect(io.stdout.at(-1)).toBe(`${dataDir} is readable again.`);
    expect(await fs.readFile(aside, 'utf8')).toBe(DAMAGED);
    expect(await notesOf004(dataDir)).toEqual(['second']);
  });

  it('passes over backups whose copy is damaged or missing and takes the newest good one', async () => {
    await saveNoteAndBackUp(dataDir, 'first', backupClock);
    await saveNoteAndBackUp(dataDir, 'second', backupClock);
    const [newest, older] = await listBackups(dataDir);
    await fs.writeFile(join(newest!.dir, 'annotations', `${A004}.json`), '{}');
    await fs.writeFile(annotationFile(), DAMAGED);
    const io = recordingIo(dir());
    expect(await runRecover(['--data', dataDir], io)).toBe(0);
    expect(io.stdout.some((l) => l.startsWith(`annotations/${A004}.json: restored from backup ${older!.name}.`))).toBe(true);
    expect(await notesOf004(dataDir)).toEqual(['first']);
  });

  it('takes the copy from the backup named with --backup, and refuses a name that is not a backup', async () => {
    await saveNoteAndBackUp(dataDir, 'first', backupClock);
    await saveNoteAndBackUp(dataDir, 'second', backupClock);
    const [, older] = await listBackups(dataDir);
    await fs.writeFile(annotationFile(), DAMAGED);
    const wrong = recordingIo(dir());
    expect(await runRecover(['--data', dataDir, '--backup', 'yesterday'], wrong)).toBe(1);
    expect(wrong.stderr.join('\n')).toContain('there is no backup "yesterday"');
    expect(await fs.readFile(annotationFile(), 'utf8')).toBe(DAMAGED);
    expect(await runRecover(['--data', dataDir, '--backup', older!.name], recordingIo(dir()))).toBe(0);
    expect(await notesOf004(dataDir)).toEqual(['first']);
  });

  it('leaves a damaged file that no backup holds in place and fails', async () => {
    await saveNoteAndBackUp(dataDir, 'first', backupClock);
    await fs.rm(join(dataDir, 'backups'), { recursive: true });
    await fs.writeFile(annotationFile(), DAMAGED);
    const io = recordingIo(dir());
    expect(await runRecover(['--data', dataDir], io)).toBe(1);
    expect(io.stdout).toContain(`No backups in ${join(dataDir, 'backups')}.`);
    expect(io.stdout.some((l) => l.startsWith(`annotations/${A004}.json: no backup holds a good copy; left as it is.`))).toBe(true);
    expect(await fs.readFile(annotationFile(), 'utf8')).toBe(DAMAGED);
    expect(await quarantined()).toEqual([]);
  });

  it('with nothing damaged, or with --list, lists the backups and changes nothing', async () => {
    await saveNoteAndBackUp(dataDir, 'first', backupClock);
    const before = await fs.readdir(dataDir, { recursive: true });
    const io = recordingIo(dir());
    expect(await runRecover(['--data', dataDir], io)).toBe(0);
    const [backup] = await listBackups(dataDir);
    expect(io.stdout).toEqual([
      `Backups in ${join(dataDir, 'backups')} (newest first):`,
      `  ${backup!.name}  2024-05-01 12:00:00 UTC  7 files`,
      `No damaged files in ${dataDir}.`,
    ]);
    await fs.writeFile(annotationFile(), DAMAGED);
    const list = recordingIo(dir());
    expect(await runRecover(['--data', dataDir, '--list'], list)).toBe(0);
    expect(list.stdout.slice(2)).toEqual([`Damaged files in ${dataDir}:`, expect.stringMatching(new RegExp(`^  annotations/${A004}\\.json is not valid JSON`))]);
    expect(await fs.readFile(annotationFile(), 'utf8')).toBe(DAMAGED);
    expect((await fs.readdir(dataDir, { recursive: true })).sort()).toEqual(before.sort());
  });

  it('restores index.json first, then checks the other files against it', async () => {
    await saveNoteAndBackUp(dataDir, 'first', backupClock);
    const good = await fs.readFile(join(dataDir, 'index.json'), 'utf8');
    await fs.writeFile(join(dataDir, 'index.json'), good.slice(0, 100));
    const io = recordingIo(dir());
    expect(await runRecover(['--data', dataDir], io)).toBe(0);
    expect(await fs.readFile(join(dataDir, 'index.json'), 'utf8')).toBe(good);
    expect(await notesOf004(dataDir)).toEqual(['first']);
  });

  it('puts back a missing text from a backup', async () => {
    await saveNoteAndBackUp(dataDir, 'first', backupClock);
    const file = join(dataDir, 'texts', `${A004}.json`);
    const good = await fs.readFile(file, 'utf8');
    await fs.rm(file);
    const io = recordingIo(dir());
    expect(await runRecover(['--data', dataDir], io)).toBe(0);
    expect(await fs.readFile(file, 'utf8')).toBe(good);
    expect(io.stdout).toContainEqual(expect.stringMatching(new RegExp(`^texts/${A004}\\.json: restored from backup .* may be lost\\.$`)));
    expect(await quarantined()).toEqual([]);
  });

  it('--all puts the whole backup back, moving every newer or extra file to quarantine', async () => {
    await saveNoteAndBackUp(dataDir, 'first', backupClock);
    const core = await createCore({ dataDir, corpusDir: CORPUS, creator: 'ana', backups: false });
    const [a] = await core.listAnnotations({ articleId: A004 });
    await core.updateAnnotation({ articleId: A004, id: a!.id, note: 'after the backup' });
    await core.createAnnotation({ articleId: A002, tagId: 'claim', start: 0, end: 10 });
    await core.close();

    const io = recordingIo(dir());
    expect(await runRecover(['--data', dataDir, '--all'], io, { now: () => new Date('2024-06-01T00:00:00.000Z') })).toBe(0);
    expect(io.stdout).toContain(`  changes after 2024-05-01 12:00:00 UTC to annotations/${A004}.json may be lost`);
    expect(io.stdout).toContain(`  changes after 2024-05-01 12:00:00 UTC to annotations/${A002}.json may be lost`);
    expect(await notesOf004(dataDir)).toEqual(['first']);
    expect(await quarantined()).toEqual([
      'annotations',
      `annotations/${A002}.json.2024-06-01T00-00-00.000Z`,
      `annotations/${A004}.json.2024-06-01T00-00-00.000Z`,
    ]);
    expect(await fs.readFile(join(dataDir, 'quarantine', 'annotations', `${A004}.json.2024-06-01T00-00-00.000Z`), 'utf8')).toContain('after the backup');
  });

  it('refuses a data folder that another Triangulate holds, changing nothing', async () => {
    await saveNoteAndBackUp(dataDir, 'first', backupClock);
    await fs.writeFile(annotationFile(), DAMAGED);
    const lock = await acquireDataFolderLock(dataDir);
    try {
      const io = recordingIo(dir());
      expect(await runRecover(['--data', dataDir], io)).toBe(1);
      expect(io.stderr.join('\n')).toMatch(new RegExp(`${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by another Triangulate process \\(pid ${process.pid}`));
      expect(await fs.readFile(annotationFile(), 'utf8')).toBe(DAMAGED);
    } finally {
      await lock.release();
    }
  });

  it('explains bad options and a missing folder', async () => {
    const io = recordingIo(dir());
    expect(await runRecover(['--bogus'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('Usage: npm run cli -- recover');
    const missing = recordingIo(dir());
    expect(await runRecover(['--data', 'nowhere'], missing)).toBe(1);
    expect(missing.stderr).toEqual([`triangulate recover: the data folder ${join(dir(), 'nowhere')} does not exist (pass --data DIR)`]);
  });
});
