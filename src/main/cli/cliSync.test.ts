import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordingIo } from '../../../tools/testSupport/recordingIo';
import { coderCore, sharedContents, tempFolder } from '../../../tools/testSupport/teamFolders';
import { SEED } from '../../../tools/testSupport/useTestLibrary';
import { runSync } from './cliSync';

let root = '';
let clock = 0;
const now = () => new Date(Date.UTC(2025, 0, 1, 0, 0, clock++));
beforeEach(async () => {
  root = await tempFolder();
  await fs.mkdir(join(root, 'team.git'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('npm run cli -- sync', { timeout: 60_000 }, () => {
  it('links, receives into a missing folder, and prints the conflicts it kept on stdout', async () => {
    const ana = await coderCore(join(root, 'ana'), 'ana', now, () => `a${clock++}`);
    const a1 = await ana.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 9 });
    await ana.close();
    let io = recordingIo(root);
    expect(await runSync(['--data', 'ana', '--remote', 'team.git'], io, { now })).toBe(0);
    expect(io.stdout[0]).toMatch(/^Synced .*ana with .*team\.git: 0 files changed here, changes sent; 0 conflicts\.$/);

    io = recordingIo(root);
    expect(await runSync(['--data', 'ben', '--remote', 'team.git', '--coder', 'Ben'], io, { now })).toBe(0);
    expect(io.stdout[0]).toMatch(/received the team's library/);
    expect(await sharedContents(join(root, 'ben'))).toEqual(await sharedContents(join(root, 'ana')));

    for (const [who, note] of [['ana', 'first'], ['ben', 'second']] as const) {
      const core = await coderCore(join(root, who), who, now, () => `${who}${clock++}`);
      await core.updateAnnotation({ articleId: SEED.A000, id: a1.id, note });
      await core.close();
    }
    expect(await runSync(['--data', 'ana'], recordingIo(root), { now })).toBe(0);
    io = recordingIo(root);
    expect(await runSync(['--data', 'ben'], io, { now })).toBe(0);
    expect(io.stdout).toEqual([
      expect.stringMatching(/1 conflict\.$/),
      expect.stringMatching(new RegExp(`^conflict: annotation ${a1.id} in annotations/${SEED.A000}\\.json: edited on both sides; kept the local version, set aside: .*"note":"first"`)),
    ]);
  });

  it('fails with one line and exit 1 on a remote that is not there, leaving no folder behind', async () => {
    const io = recordingIo(root);
    expect(await runSync(['--data', 'new', '--remote', 'nowhere.git'], io, { now })).toBe(1);
    expect(io.stderr).toEqual([expect.stringMatching(/^triangulate sync: The remote .*nowhere\.git cannot be reached: it does not exist/)]);
    await expect(fs.stat(join(root, 'new'))).rejects.toThrow();
    const ssh = recordingIo(root);
    expect(await runSync(['--data', 'new', '--remote', 'git@example.org:team/lib.git'], ssh, { now })).toBe(1);
    expect(ssh.stderr).toEqual([expect.stringMatching(/^triangulate sync: The remote "git@example\.org:team\/lib\.git" is neither a folder nor an http\(s\) address: .*\(not SSH\)\.$/)]);
    await expect(fs.stat(join(root, 'new'))).rejects.toThrow();
  });

  it('warns a coder who receives the library under a name its annotations already carry (two coders under one name)', async () => {
    const ana = await coderCore(join(root, 'ana'), 'Ana Berg', now, () => `a${clock++}`);
    await ana.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 9 });
    await ana.close();
    expect(await runSync(['--data', 'ana', '--remote', 'team.git'], recordingIo(root), { now })).toBe(0);
    let io = recordingIo(root);
    expect(await runSync(['--data', 'ben', '--remote', 'team.git', '--coder', 'ana  berg'], io, { now })).toBe(0);
    expect(io.stdout[1]).toMatch(/^warning: Annotations by "Ana Berg" are already in this library/);
    io = recordingIo(root);
    expect(await runSync(['--data', 'cleo', '--remote', 'team.git', '--coder', 'Cleo'], io, { now })).toBe(0);
    expect(io.stdout.filter((l) => l.startsWith('warning:'))).toEqual([]);
  });

  it('asks for a remote the first time', async () => {
    await (await coderCore(join(root, 'ana'), 'ana', now, () => `a${clock++}`)).close();
    const io = recordingIo(root);
    expect(await runSync(['--data', 'ana'], io, { now })).toBe(1);
    expect(io.stderr).toEqual([expect.stringMatching(/not linked to a team remote yet: give one with --remote/)]);
  });
});
