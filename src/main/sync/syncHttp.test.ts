/**
 * Team sync against a real git server over HTTP on 127.0.0.1: `git
 * http-backend` (git's own smart-HTTP server, a CGI program) behind a tiny
 * Node server started and stopped here, which asks for a token (HTTP Basic).
 * The product never runs git; only this test's server does, and the test is
 * skipped, saying why, where no git program is installed.
 */
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import git from 'isomorphic-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coderCore, sharedContents, tempFolder } from '../../../tools/testSupport/teamFolders';
import { SEED } from '../../../tools/testSupport/useTestLibrary';
import { hasGitProgram, startGitHttpServer, type GitHttpServer } from '../../../tools/testSupport/gitHttpServer';
import { gitFs } from './gitFs';
import { syncDataFolder, type SyncOptions } from './syncDataFolder';

const TOKEN = 'team-secret';
const hasGit = hasGitProgram;
if (!hasGit) console.log('syncHttp.test.ts skipped: no git program here to serve a repository over HTTP (git http-backend)');

let root = '';
let server: GitHttpServer;
let base = '';

beforeAll(async () => {
  if (!hasGit) return;
  root = await tempFolder();
  const repo = join(root, 'served', 'team.git');
  await git.init({ fs: gitFs, bare: true, gitdir: repo, defaultBranch: 'main' });
  await git.setConfig({ fs: gitFs, gitdir: repo, path: 'http.receivepack', value: 'true' });
  server = await startGitHttpServer(join(root, 'served'), TOKEN);
  base = server.base;
});
afterAll(async () => {
  if (!hasGit) return;
  await server.close();
  await fs.rm(root, { recursive: true, force: true });
});

let clock = 0;
const now = (): Date => new Date(Date.UTC(2025, 0, 1, 0, 0, clock++));
const sync = (coder: string, more: Partial<SyncOptions> = {}) =>
  syncDataFolder({ dataDir: join(root, coder), coder, newSettings: { creator: coder }, now, ...more });
const core = (coder: string) => coderCore(join(root, coder), coder, now, () => `${coder}${clock++}`);

describe.skipIf(!hasGit)('team sync over HTTP (git http-backend on 127.0.0.1)', { timeout: 60_000 }, () => {
  it('refuses a wrong or missing token and an unreachable server, changing nothing', async () => {
    await (await core('ana')).close();
    const before = await sharedContents(join(root, 'ana'));
    await expect(sync('ana', { remote: `${base}/team.git`, token: 'wrong' })).rejects.toThrow(/refused the token/);
    await expect(sync('ana', { remote: `${base}/team.git` })).rejects.toThrow(/asks for a token/);
    await expect(sync('ana', { remote: 'http://127.0.0.1:9/team.git', token: TOKEN })).rejects.toThrow(/cannot be reached/);
    expect(await sharedContents(join(root, 'ana'))).toEqual(before);
    await expect(fs.stat(join(root, 'ana', '.git'))).rejects.toThrow();
  });

  it('links, receives and merges two coders\' work through the server', async () => {
    const ana = await core('ana');
    const a1 = await ana.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 10 });
    await ana.close();
    expect((await sync('ana', { remote: `${base}/team.git`, token: TOKEN })).sent).toBe(true);
    expect((await sync('ben', { remote: `${base}/team.git`, token: TOKEN })).cloned).toBe(true);

    const ben = await core('ben');
    const b1 = await ben.createAnnotation({ articleId: SEED.A001, tagId: 'claim', start: 3, end: 12 });
    await ben.updateAnnotation({ articleId: SEED.A000, id: a1.id, note: 'seen by ben' });
    await ben.close();
    const ana2 = await core('ana');
    await ana2.createAnnotation({ articleId: SEED.A001, tagId: 'quote', start: 20, end: 30 });
    await ana2.close();

    // The token was kept: later syncs need no --token.
    await sync('ben');
    const merged = await sync('ana');
    expect(merged.conflicts).toEqual([]);
    await sync('ben');
    expect(await sharedContents(join(root, 'ben'))).toEqual(await sharedContents(join(root, 'ana')));
    const check = await core('ana');
    expect((await check.listAnnotations({ articleId: SEED.A001 })).map((a) => a.id)).toContain(b1.id);
    expect((await check.getAnnotation({ articleId: SEED.A000, id: a1.id })).note).toBe('seen by ben');
    await check.close();
  });
});
