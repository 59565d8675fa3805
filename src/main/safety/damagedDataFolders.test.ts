/**
 * Issue 19, case 3 for the folders themselves: texts/ or annotations/ that is
 * a file, a symbolic link or unreadable is found by the health check, makes
 * the core refuse to open with corrupt_data naming the folder (so the app
 * serves "Restore from backup", see createRecoveryApi), and is put aside —
 * never read through, never deleted — and its files restored by the app's
 * restore and by `recover`.
 */
import { chmod } from 'node:fs/promises';
import * as fs from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRecover } from '../cli/cliRecover';
import { createCore } from '../core/createCore';
import { createRecoveryApi } from '../core/createRecoveryApi';
import { makeBackup } from './makeBackup';
import { readDataHealth } from './readDataHealth';
import { recordingIo } from '../../../tools/testSupport/recordingIo';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const A004 = '004_fe53cb2bbc3036b3';
const NOW = () => new Date('2024-06-01T00:00:00.000Z');
const STAMP = '2024-06-01T00-00-00.000Z';

const dir = useTempDir('triangulate-folders-');
let dataDir: string;
beforeEach(async () => {
  dataDir = join(dir(), 'data');
});
afterEach(async () => {
  await chmod(join(dataDir, 'texts'), 0o755).catch(() => undefined);
});

async function backedUpLibrary(): Promise<void> {
  const core = await createCore({ dataDir, corpusDir: CORPUS, creator: 'ana', backups: false });
  await core.createAnnotation({ articleId: A004, tagId: 'quote', start: 3, end: 9, note: 'kept' });
  await core.close();
  await makeBackup(dataDir, { now: () => new Date('2024-05-01T12:00:00.000Z') });
}

const openCore = () => createCore({ dataDir, corpusDir: CORPUS, backups: false, now: NOW });

/** Puts something that is not a usable folder where `folder` belongs; returns what it is. */
const DAMAGE: Record<string, (folder: string) => Promise<RegExp>> = {
  'a file': async (folder) => {
    await fs.rm(join(dataDir, folder), { recursive: true });
    await fs.writeFile(join(dataDir, folder), 'not a folder');
    return /^is a file, not a folder$/;
  },
  'a symbolic link to a copy elsewhere': async (folder) => {
    const elsewhere = join(dir(), `elsewhere-${folder}`);
    await fs.rename(join(dataDir, folder), elsewhere);
    await fs.symlink(elsewhere, join(dataDir, folder));
    return /^is a symbolic link, not a folder/;
  },
};

describe.each(['texts', 'annotations'])('%s/ itself damaged', (folder) => {
  it.each(Object.keys(DAMAGE))('when it is %s: reported, refused at open, restored by "Restore from backup"', async (kind) => {
    await backedUpLibrary();
    const problem = await DAMAGE[kind]!(folder);

    const health = await readDataHealth(dataDir);
    expect(health.damaged).toEqual([{ file: `${folder}/`, problem: expect.stringMatching(problem) }]);

    const refusal = await openCore().then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toMatchObject({ code: 'corrupt_data', message: expect.stringContaining(`${join(dataDir, folder)} ${kind === 'a file' ? 'is a file' : 'is a symbolic link'}`) });

    // What the host and the desktop app serve when the core cannot open: the restore, then the library.
    const recovery = createRecoveryApi({ dataDir: resolve(dataDir), reason: (refusal as Error).message, openCore, now: NOW });
    const report = await recovery.restoreFromBackup({});
    expect(report.quarantined).toEqual([`quarantine/${folder}.${STAMP}`]);
    expect(report.unrecoverable).toEqual([]);
    expect(report.restored.map((r) => r.file)).toContain(folder === 'texts' ? `texts/${A004}.json` : `annotations/${A004}.json`);
    expect((await recovery.listAnnotations({ articleId: A004 })).map((a) => a.note)).toEqual(['kept']);
    expect((await recovery.getArticle({ id: A004 })).text.length).toBeGreaterThan(100);
    await recovery.close();

    expect((await fs.lstat(join(dataDir, folder))).isDirectory()).toBe(true);
    const aside = await fs.lstat(join(dataDir, 'quarantine', `${folder}.${STAMP}`));
    expect(kind === 'a file' ? aside.isFile() : aside.isSymbolicLink()).toBe(true);
    if (kind !== 'a file') expect((await fs.readdir(join(dir(), `elsewhere-${folder}`))).length).toBeGreaterThan(0);
    expect((await readDataHealth(dataDir)).damaged).toEqual([]);
  });

  it('recover (the CLI) names it, puts it aside and restores its files', async () => {
    await backedUpLibrary();
    await DAMAGE['a symbolic link to a copy elsewhere']!(folder);
    const io = recordingIo(dir());
    expect(await runRecover(['--data', dataDir], io, { now: NOW })).toBe(0);
    expect(io.stdout).toContainEqual(`  ${folder}/ is a symbolic link, not a folder (data is never read through links)`);
    expect((await fs.lstat(join(dataDir, 'quarantine', `${folder}.${STAMP}`))).isSymbolicLink()).toBe(true);
    const core = await openCore();
    expect((await core.listAnnotations({ articleId: A004 })).map((a) => a.note)).toEqual(['kept']);
    await core.close();
  });
});

describe('texts/ without permission', () => {
  // Root reads whatever the permissions say: the check cannot be shown failing there.
  it.skipIf(process.getuid?.() === 0)('is reported and refused at open', async () => {
    await backedUpLibrary();
    await chmod(join(dataDir, 'texts'), 0o000);
    expect((await readDataHealth(dataDir)).damaged).toEqual([{ file: 'texts/', problem: expect.stringMatching(/permission denied/) }]);
    await expect(openCore()).rejects.toMatchObject({ code: 'corrupt_data' });
  });
});
