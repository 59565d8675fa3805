/**
 * Case 3 of issue 19: a data file that is a folder, a symbolic link, a named
 * pipe or unreadable is found by the health check, offered for restoring,
 * moved to quarantine/ (never read through, never deleted) and restored by
 * "Restore from backup" and `recover`; counts.json is rebuilt whatever its
 * damage.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { runRecover } from '../cli/cliRecover';
import { createCore } from '../core/createCore';
import { makeBackup } from './makeBackup';
import { readDataHealth } from './readDataHealth';
import { recordingIo } from '../../../tools/testSupport/recordingIo';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const A004 = '004_fe53cb2bbc3036b3';
const NOW = () => new Date('2024-06-01T00:00:00.000Z');

const dir = useTempDir('triangulate-entries-');
let dataDir: string;
beforeEach(async () => {
  dataDir = join(dir(), 'data');
});

const annotationFile = () => join(dataDir, 'annotations', `${A004}.json`);

/** A library with one annotation on 004 ("kept"), backed up. */
async function backedUpLibrary(): Promise<void> {
  const core = await createCore({ dataDir, corpusDir: CORPUS, creator: 'ana', backups: false });
  await core.createAnnotation({ articleId: A004, tagId: 'quote', start: 3, end: 9, note: 'kept' });
  await core.listArticles({});
  await core.close();
  await makeBackup(dataDir, { now: () => new Date('2024-05-01T12:00:00.000Z') });
}

/** Replaces the annotation file of 004 with something that is not a regular file. */
const DAMAGE: Record<string, (path: string) => Promise<void>> = {
  folder: async (path) => {
    await fs.rm(path);
    await fs.mkdir(path);
    await fs.writeFile(join(path, 'inside.txt'), 'kept as it is');
  },
  'symlink to /dev/zero': async (path) => {
    await fs.rm(path);
    await fs.symlink('/dev/zero', path);
  },
  'symlink to a JSON file elsewhere': async (path) => {
    const elsewhere = join(dir(), 'elsewhere.json');
    await fs.copyFile(path, elsewhere);
    await fs.rm(path);
    await fs.symlink(elsewhere, path);
  },
  'named pipe': async (path) => {
    await fs.rm(path);
    execFileSync('mkfifo', [path]);
  },
};

describe('non-regular data entries', () => {
  it.each(Object.keys(DAMAGE))('an annotation file that is a %s is reported by the health check, and "Restore from backup" puts it right', async (kind) => {
    await backedUpLibrary();
    await DAMAGE[kind]!(annotationFile());

    const health = await readDataHealth(dataDir);
    expect(health.damaged).toEqual([{ file: `annotations/${A004}.json`, problem: expect.stringMatching(/is a (folder|symbolic link|named pipe)/) }]);
    expect(health.latestBackup).not.toBeNull();

    const core = await createCore({ dataDir, corpusDir: CORPUS, backups: false, now: NOW });
    // Listing the library names the file and what is wrong (corrupt_data: the app offers the restore), it does not hang.
    await expect(core.listArticles({})).rejects.toMatchObject({ code: 'corrupt_data', message: expect.stringContaining(`${A004}.json is a`) });
    const report = await core.restoreFromBackup({});
    const keptAs = `quarantine/annotations/${A004}.json.2024-06-01T00-00-00.000Z`;
    expect(report).toEqual({
      restored: [{ file: `annotations/${A004}.json`, fromBackup: '2024-05-01T12-00-00.000Z', backupTime: '2024-05-01T12:00:00.000Z', keptAs }],
      quarantined: [keptAs],
      unrecoverable: [],
    });
    expect((await core.listAnnotations({ articleId: A004 })).map((a) => a.note)).toEqual(['kept']);
    expect((await core.listArticles({})).find((a) => a.id === A004)?.counts.quote).toBe(1);
    await core.close();
    // Moved aside as it was: a link stays a link, a folder keeps what it held.
    const aside = await fs.lstat(join(dataDir, keptAs));
    expect(aside.isFile()).toBe(false);
    expect((await readDataHealth(dataDir)).damaged).toEqual([]);
  });

  it('recover restores a symlinked index.json from the backup and leaves the file it pointed at alone', async () => {
    await backedUpLibrary();
    const index = join(dataDir, 'index.json');
    const elsewhere = join(dir(), 'other-index.json');
    await fs.copyFile(index, elsewhere);
    await fs.rm(index);
    await fs.symlink(elsewhere, index);
    const io = recordingIo(dir());
    expect(await runRecover(['--data', dataDir], io, { now: NOW })).toBe(0);
    expect(io.stdout).toContainEqual('  index.json is a symbolic link, not a regular file (data files are never read through links)');
    expect(io.stdout).toContainEqual(expect.stringMatching(/^index\.json: restored from backup 2024-05-01T12-00-00\.000Z/));
    expect((await fs.lstat(index)).isFile()).toBe(true);
    expect((await fs.lstat(join(dataDir, 'quarantine', 'index.json.2024-06-01T00-00-00.000Z'))).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(elsewhere, 'utf8')).toBe(await fs.readFile(index, 'utf8'));
  });

  it('recover moves aside an annotation folder no backup holds, so the library opens without it', async () => {
    const core = await createCore({ dataDir, corpusDir: CORPUS, creator: 'ana', backups: false });
    await core.close();
    await fs.mkdir(annotationFile());
    const io = recordingIo(dir());
    expect(await runRecover(['--data', dataDir], io, { now: NOW })).toBe(0);
    expect(io.stdout).toContainEqual(
      `annotations/${A004}.json: no backup holds a good copy, and it is not a readable file; moved to ${join(dataDir, 'quarantine', 'annotations', `${A004}.json.2024-06-01T00-00-00.000Z`)} so Triangulate opens without it.`,
    );
    const again = await createCore({ dataDir, corpusDir: CORPUS, backups: false });
    expect(await again.listAnnotations({ articleId: A004 })).toEqual([]);
    await again.close();
  });

  it.each([
    ['a folder', (path: string) => fs.mkdir(path)],
    ['a symlink to /dev/zero', (path: string) => fs.symlink('/dev/zero', path)],
    ['not JSON', (path: string) => fs.writeFile(path, 'garbage')],
  ])('counts.json that is %s is moved aside and the counts rebuilt when the library is listed', async (_kind, damage) => {
    await backedUpLibrary();
    const counts = join(dataDir, 'counts.json');
    await fs.rm(counts, { force: true });
    await damage(counts);
    const notices: string[] = [];
    const core = await createCore({ dataDir, corpusDir: CORPUS, backups: false });
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((line: string) => (notices.push(line), true)) as typeof process.stderr.write;
    try {
      expect((await core.listArticles({})).find((a) => a.id === A004)?.counts.quote).toBe(1);
    } finally {
      process.stderr.write = original;
    }
    await core.close();
    expect(notices.join('')).toMatch(/counts\.json .*moved it to .*quarantine/);
    expect((await fs.lstat(counts)).isFile()).toBe(true);
  });

  it('recover moves a damaged counts.json aside (it is made again at the next start)', async () => {
    await backedUpLibrary();
    await fs.rm(join(dataDir, 'counts.json'), { force: true });
    await fs.mkdir(join(dataDir, 'counts.json'));
    const io = recordingIo(dir());
    expect(await runRecover(['--data', dataDir], io, { now: NOW })).toBe(0);
    expect(io.stdout).toContainEqual(expect.stringMatching(/^counts\.json was damaged: moved to .*quarantine\/counts\.json\.2024-06-01T00-00-00\.000Z/));
  });
});
