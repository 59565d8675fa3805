/**
 * Where a library's shared history lives: a bare git repository on disk (a
 * shared drive) or a git server over HTTP(S), with an optional token. Both
 * give the same two steps: fetch the remote's branch into the local
 * repository, and move the remote's branch to a new commit if nobody moved
 * it meanwhile. isomorphic-git speaks HTTP itself; a repository on disk is
 * read and written directly (objects copied, the branch moved under a lock
 * file as git does), so no git program is needed either way.
 */
import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { forEachConcurrently } from './forEachConcurrently';
import { gitFs } from './gitFs';
import { loosePath, type GitObjects } from './gitObjects';
import { BRANCH, REMOTE } from './syncLayout';

export interface SyncRemote {
  /** The remote as the user gave it, without the token. */
  readonly address: string;
  /** Brings the remote's branch into `gitdir`; its commit, or null when the remote has no history yet. */
  fetch(gitdir: string, objects: GitObjects): Promise<string | null>;
  /** Sends `oid` and sets the remote's branch to it if it is still `expected`; false when someone moved it meanwhile. */
  push(gitdir: string, oid: string, expected: string | null, objects: GitObjects): Promise<boolean>;
}

/** A remote the user can act on: unreachable, token refused, not a library, newer format… */
export class SyncError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncError';
  }
}

export function isHttpAddress(address: string): boolean {
  return /^https?:\/\//i.test(address);
}

export function openRemote(address: string, options: { token?: string | null; cwd?: string } = {}): SyncRemote {
  return isHttpAddress(address) ? httpRemote(address, options.token ?? null) : diskRemote(resolve(options.cwd ?? '.', address));
}

function httpRemote(address: string, token: string | null): SyncRemote {
  const url = new URL(address);
  const username = decodeURIComponent(url.username) || 'x-access-token';
  url.username = '';
  url.password = '';
  const clean = url.toString();
  const auth = {
    onAuth: () => (token ? { username, password: token } : { cancel: true }),
    onAuthFailure: () => ({ cancel: true }),
  };
  const explain = (error: unknown): SyncError => {
    const e = error as { code?: string; data?: { statusCode?: number }; message?: string };
    if (e.code === 'HttpError' && (e.data?.statusCode === 401 || e.data?.statusCode === 403)) {
      return new SyncError(
        token
          ? `The remote ${clean} refused the token (HTTP ${e.data.statusCode}).`
          : `The remote ${clean} asks for a token (HTTP ${e.data.statusCode}); pass one with --token.`,
      );
    }
    if (e.code === 'UserCanceledError') {
      return new SyncError(token ? `The remote ${clean} refused the token.` : `The remote ${clean} asks for a token; pass one with --token.`);
    }
    if (e.code === 'HttpError') return new SyncError(`The remote ${clean} answered ${e.message ?? 'with an error'}: is it a git repository?`);
    if (e.code === 'SmartHttpError') return new SyncError(`The remote ${clean} is not a git server (it does not speak git's HTTP protocol).`);
    return new SyncError(`The remote ${clean} cannot be reached: ${e.message ?? String(error)}.`);
  };
  return {
    address: clean,
    async fetch(gitdir, objects) {
      let refs: { ref: string; oid: string }[];
      try {
        const info = await git.getRemoteInfo2({ http, url: clean, ...auth });
        refs = info.refs ?? [];
      } catch (error) {
        throw explain(error);
      }
      const head = refs.find((r) => r.ref === `refs/heads/${BRANCH}`);
      if (!head) {
        if (refs.some((r) => r.ref.startsWith('refs/heads/'))) throw notALibrary(clean, `it has no branch "${BRANCH}"`);
        return null;
      }
      try {
        await git.addRemote({ fs: gitFs, gitdir, remote: REMOTE, url: clean, force: true });
        await git.fetch({ fs: gitFs, cache: objects.cache, http, gitdir, url: clean, remote: REMOTE, ref: BRANCH, singleBranch: true, tags: false, ...auth });
      } catch (error) {
        throw explain(error);
      }
      return head.oid;
    },
    async push(gitdir, oid, _expected, objects) {
      try {
        // The server refuses anything but a fast-forward: a branch moved meanwhile is a rejected push.
        const result = await git.push({ fs: gitFs, cache: objects.cache, http, gitdir, url: clean, ref: oid, remoteRef: `refs/heads/${BRANCH}`, ...auth });
        if (!result.ok) return false;
        await git.writeRef({ fs: gitFs, gitdir, ref: `refs/remotes/${REMOTE}/${BRANCH}`, value: oid, force: true });
        return true;
      } catch (error) {
        if ((error as { code?: string }).code === 'PushRejectedError') return false;
        throw explain(error);
      }
    },
  };
}

function diskRemote(path: string): SyncRemote {
  const ref = `refs/heads/${BRANCH}`;
  const ensureRepository = async (): Promise<void> => {
    const info = await stat(path).catch(() => null);
    if (!info) throw new SyncError(`The remote ${path} cannot be reached: it does not exist (create an empty folder there, or check the shared drive is mounted).`);
    if (!info.isDirectory()) throw new SyncError(`The remote ${path} is a file, not a git repository.`);
    const names = await readdir(path);
    if (names.length === 0) {
      // An empty folder becomes the team's repository.
      await git.init({ fs: gitFs, bare: true, gitdir: path, defaultBranch: BRANCH });
      return;
    }
    if (!names.includes('HEAD') || !names.includes('objects') || !names.includes('refs')) {
      throw new SyncError(`The remote ${path} is not a bare git repository (a folder with HEAD, objects/ and refs/), nor an empty folder.`);
    }
  };
  const branchOf = async (): Promise<string | null> => {
    try {
      return await git.resolveRef({ fs: gitFs, gitdir: path, ref });
    } catch {
      const branches = await git.listBranches({ fs: gitFs, gitdir: path }).catch(() => []);
      if (branches.some((b) => !b.endsWith('.lock'))) throw notALibrary(path, `it has no branch "${BRANCH}"`);
      return null;
    }
  };
  return {
    address: path,
    async fetch(gitdir, objects) {
      await ensureRepository();
      const oid = await branchOf();
      if (oid === null) return null;
      await copyObjects(objects, path, gitdir, oid);
      await git.writeRef({ fs: gitFs, gitdir, ref: `refs/remotes/${REMOTE}/${BRANCH}`, value: oid, force: true });
      return oid;
    },
    async push(gitdir, oid, expected, objects) {
      await ensureRepository();
      await copyObjects(objects, gitdir, path, oid);
      // As git does: the lock file is created exclusively; whoever holds it moves the branch.
      const file = join(path, ...ref.split('/'));
      const lock = `${file}.lock`;
      await mkdir(join(path, 'refs', 'heads'), { recursive: true });
      let handle;
      try {
        handle = await open(lock, 'wx');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw error;
      }
      try {
        await handle.writeFile(`${oid}\n`);
        await handle.sync();
        await handle.close();
        handle = null;
        if ((await branchOf()) !== expected) return false;
        await rename(lock, file);
      } finally {
        await handle?.close();
        await rm(lock, { force: true });
      }
      await git.writeRef({ fs: gitFs, gitdir, ref: `refs/remotes/${REMOTE}/${BRANCH}`, value: oid, force: true });
      return true;
    },
  };
}

function notALibrary(address: string, why: string): SyncError {
  return new SyncError(`The remote ${address} is not a Triangulate library: ${why}.`);
}

/**
 * Copies the objects `oid` needs from one repository to another, children
 * before the objects that name them, stopping at objects the target has (so
 * a copy cut short is simply made again). A commit's parents are copied
 * first; the target then holds everything their trees name, so of the
 * commit's tree only what differs from its parents' trees is looked at (a
 * change to 100 files of a 10,000-file folder checks 100 files, not 10,000).
 */
async function copyObjects(objects: GitObjects, from: string, to: string, oid: string): Promise<void> {
  /** Writes one object whose children are in the target already; a loose object is copied as it is (already compressed). */
  const put = async (id: string): Promise<void> => {
    const bytes = await readFile(loosePath(from, id)).catch(() => null);
    if (bytes) {
      await mkdir(join(to, 'objects', id.slice(0, 2)), { recursive: true });
      await gitFs.promises.writeFile(loosePath(to, id), bytes);
      return;
    }
    const object = await git.readObject({ fs: gitFs, cache: objects.cache, gitdir: from, oid: id, format: 'content' });
    await git.writeObject({ fs: gitFs, gitdir: to, type: object.type as 'blob' | 'tree' | 'commit' | 'tag', object: object.object as Uint8Array, format: 'content' });
  };
  /** Copies tree `id`; `held` are trees at the same place in commits the target holds whole. */
  const copyTree = async (id: string, held: readonly string[]): Promise<void> => {
    if (held.includes(id) || (await objects.has(to, id))) return;
    const heldEntries = await Promise.all(held.map((tree) => objects.readTree(from, tree)));
    const heldOids = new Set(heldEntries.flatMap((entries) => entries.map((e) => e.oid)));
    const heldTrees = new Map<string, string[]>();
    for (const entries of heldEntries) {
      for (const e of entries) if (e.type === 'tree') heldTrees.set(e.path, [...(heldTrees.get(e.path) ?? []), e.oid]);
    }
    await forEachConcurrently(await objects.readTree(from, id), 16, async (entry) => {
      if (heldOids.has(entry.oid)) return;
      if (entry.type === 'tree') return copyTree(entry.oid, heldTrees.get(entry.path) ?? []);
      if (!(await objects.has(to, entry.oid))) await put(entry.oid);
    });
    await put(id);
  };
  const copyCommit = async (id: string): Promise<void> => {
    if (await objects.has(to, id)) return;
    const commit = await objects.readCommit(from, id);
    for (const parent of commit.parent) await copyCommit(parent);
    const parentTrees = await Promise.all(commit.parent.map(async (parent) => (await objects.readCommit(from, parent)).tree));
    await copyTree(commit.tree, parentTrees);
    await put(id);
  };
  await copyCommit(oid);
}
