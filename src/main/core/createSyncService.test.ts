import * as fs from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import git from 'isomorphic-git';
import { describe, expect, it } from 'vitest';
import { hasGitProgram, startGitHttpServer } from '../../../tools/testSupport/gitHttpServer';
import { sharedContents, useTeamFolders } from '../../../tools/testSupport/teamFolders';
import { gitFs } from '../sync/gitFs';
import { SEED } from '../../../tools/testSupport/useTestLibrary';

const team = useTeamFolders();

describe('createSyncService', { timeout: 60_000 }, () => {
  it('is not linked until the folder is, and then syncs from the app: the open core sees the team\'s changes', async () => {
    const ana = await team.core('ana');
    try {
      expect(await ana.getSyncStatus({})).toMatchObject({ linked: false });
      await expect(ana.syncNow({})).rejects.toThrow(/not linked to a team remote/);
      const mine = await ana.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 8 });
      await team.sync('ana');
      expect(await ana.getSyncStatus({})).toMatchObject({ linked: true, remote: join(team.root, 'remote'), ahead: 0, conflicts: [] });

      await team.sync('ben');
      const ben = await team.core('ben');
      const theirs = await ben.createAnnotation({ articleId: SEED.A000, tagId: 'claim', start: 20, end: 30 });
      await ben.updateAnnotation({ articleId: SEED.A000, id: mine.id, note: 'ben' });
      await ben.close();
      await team.sync('ben', { remote: false });

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
    const ana = await team.core('ana');
    try {
      const [first, second] = (await ana.listEntities({})).entities;
      await team.sync('ana');
      await team.sync('ben');
      const ben = await team.core('ben');
      await ben.renameEntity({ id: first!.id, name: 'Renamed by ben' });
      await ben.close();
      await team.sync('ben', { remote: false });

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

/** A bare repository whose branch "main" holds one commit with the given files (a remote made by someone else). */
async function bareWith(dir: string, files: Record<string, string>): Promise<void> {
  await git.init({ fs: gitFs, bare: true, gitdir: dir, defaultBranch: 'main' });
  const tree = await git.writeTree({
    fs: gitFs,
    gitdir: dir,
    tree: await Promise.all(
      Object.entries(files).map(async ([path, text]) => ({ path, mode: '100644', type: 'blob' as const, oid: await git.writeBlob({ fs: gitFs, gitdir: dir, blob: Buffer.from(text) }) })),
    ),
  });
  const author = { name: 'someone', email: 'someone@example.invalid', timestamp: 0, timezoneOffset: 0 };
  const oid = await git.writeCommit({ fs: gitFs, gitdir: dir, commit: { message: 'x\n', tree, parent: [], author, committer: author } });
  await git.writeRef({ fs: gitFs, gitdir: dir, ref: 'refs/heads/main', value: oid });
}

describe('linking from the app (Team sync dialog)', { timeout: 60_000 }, () => {
  it('links an unlinked folder to an empty remote, a second coder receives the library, and unlinking leaves the data as it is', async () => {
    const ana = await team.core('ana');
    try {
      await ana.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 8 });
      const linked = await ana.linkSyncRemote({ remote: join(team.root, 'remote') });
      expect(linked.sent).toBe(true);
      expect(linked.status).toMatchObject({ linked: true, remote: join(team.root, 'remote'), ahead: 0, tokenKept: false });
      await team.sync('ben');
      expect(await sharedContents(join(team.root, 'ben'))).toEqual(await sharedContents(join(team.root, 'ana')));

      const before = await sharedContents(join(team.root, 'ana'));
      const unlinked = await ana.unlinkSyncRemote({});
      expect(unlinked).toMatchObject({ linked: false, remote: null, tokenKept: false });
      await expect(ana.syncNow({})).rejects.toThrow(/not linked to a team remote/);
      expect(await sharedContents(join(team.root, 'ana'))).toEqual(before);
      // Linking again continues with the same history.
      expect((await ana.linkSyncRemote({ remote: join(team.root, 'remote') })).newConflicts).toBe(0);
    } finally {
      await ana.close();
    }
  });

  it('refuses each bad remote with one clear message, and nothing here changes (no link, no repository, no token kept)', async () => {
    const ana = await team.core('ana');
    const refusing: Server = createServer((_req, res) => void res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="team"' }).end());
    await new Promise<void>((done) => refusing.listen(0, '127.0.0.1', done));
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    try {
      await fs.mkdir(join(team.root, 'notRepo'));
      await fs.writeFile(join(team.root, 'notRepo', 'notes.txt'), 'hello');
      await bareWith(join(team.root, 'other.git'), { 'README.md': '# some other project\n' });
      await bareWith(join(team.root, 'newer.git'), { 'index.json': JSON.stringify({ schemaVersion: 999, articles: [], codebook: [], settings: {} }) });
      const before = await sharedContents(join(team.root, 'ana'));
      const cases: [string, string | undefined, RegExp][] = [
        [join(team.root, 'missing'), undefined, /cannot be reached: it does not exist/],
        [`http://127.0.0.1:${closedPort}/team.git`, undefined, /cannot be reached/],
        [`http://127.0.0.1:${(refusing.address() as AddressInfo).port}/team.git`, 'wrong-token', /refused the token/],
        [`http://127.0.0.1:${(refusing.address() as AddressInfo).port}/team.git`, undefined, /asks for a token/],
        [join(team.root, 'notRepo'), undefined, /not a bare git repository/],
        [join(team.root, 'other.git'), undefined, /not a Triangulate library: it has no index\.json/],
        [join(team.root, 'newer.git'), undefined, /newer version of Triangulate \(data format 999/],
        ['team.git', undefined, /not a full path/],
        ['git@example.org:team/library.git', undefined, /not SSH/],
      ];
      for (const [remote, token, message] of cases) {
        await expect(ana.linkSyncRemote({ remote, ...(token ? { token } : {}) }), remote).rejects.toThrow(message);
        expect(await ana.getSyncStatus({})).toMatchObject({ linked: false, tokenKept: false });
        await expect(fs.stat(join(team.root, 'ana', '.git'))).rejects.toThrow();
      }
      expect(await sharedContents(join(team.root, 'ana'))).toEqual(before);
      expect(await fs.readdir(join(team.root, 'notRepo'))).toEqual(['notes.txt']);
    } finally {
      refusing.close();
      await ana.close();
    }
  });
});

describe.skipIf(!hasGitProgram)('linking from the app to an HTTPS-style remote with a token (git http-backend on 127.0.0.1)', { timeout: 60_000 }, () => {
  it('takes a token written into the address out of it, keeps it readable by this account only, and never answers it back', async () => {
    const TOKEN = 'team-secret-4711';
    const repo = join(team.root, 'served', 'team.git');
    await git.init({ fs: gitFs, bare: true, gitdir: repo, defaultBranch: 'main' });
    await git.setConfig({ fs: gitFs, gitdir: repo, path: 'http.receivepack', value: 'true' });
    const server = await startGitHttpServer(join(team.root, 'served'), TOKEN);
    const ana = await team.core('ana');
    try {
      const answers: unknown[] = [];
      answers.push(await ana.linkSyncRemote({ remote: `${server.base.replace('http://', 'http://x-access-token:' + TOKEN + '@')}/team.git` }));
      answers.push(await ana.getSyncStatus({}));
      expect(answers[1]).toMatchObject({ linked: true, remote: `${server.base}/team.git`, tokenKept: true });
      // The kept token serves the next sync; the token field left empty keeps it.
      await ana.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 8 });
      answers.push(await ana.syncNow({}));
      answers.push(await ana.linkSyncRemote({ remote: `${server.base}/team.git`, token: '' }));
      answers.push(await ana.getSyncConflicts({}));
      for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(TOKEN);
      const state = await fs.readFile(join(team.root, 'ana', '.git', 'triangulate', 'state.json'), 'utf8');
      expect(state).not.toContain(TOKEN);
      expect(await fs.readFile(join(team.root, 'ana', '.git', 'config'), 'utf8')).not.toContain(TOKEN);
      const tokenFile = join(team.root, 'ana', '.git', 'triangulate', 'token');
      expect(await fs.readFile(tokenFile, 'utf8')).toBe(TOKEN);
      expect((await fs.stat(tokenFile)).mode & 0o777).toBe(0o600);

      expect(await ana.unlinkSyncRemote({})).toMatchObject({ linked: false, tokenKept: false });
      await expect(fs.stat(tokenFile)).rejects.toThrow();
    } finally {
      await ana.close();
      await server.close();
    }
  });
});
