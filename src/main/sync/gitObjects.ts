/**
 * One sync's access to git objects, in any of the repositories it touches
 * (the data folder's and a remote on disk): isomorphic-git with one `cache`
 * for every call (so a packfile's index is read once, not once per object),
 * and the trees and commits already parsed kept by id. Objects are named by
 * their contents, so what was read in one repository is the same object in
 * another. Blobs are hashed and compressed with Node's own crypto and zlib
 * (isomorphic-git's portable ones are several times slower), trees made and
 * read by treeObject, and objects written only when the repository does not
 * hold them yet, through isomorphic-git.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import git, { type TreeEntry } from 'isomorphic-git';
import { gitFs } from './gitFs';
import { decodeTree, encodeTree } from './treeObject';

export interface CommitInfo {
  tree: string;
  parent: string[];
  /** The committer's time, in seconds. */
  time: number;
}

export class GitObjects {
  /** isomorphic-git's cache, passed to every call of this sync. */
  readonly cache: object = {};
  private readonly trees = new Map<string, Promise<TreeEntry[]>>();
  private readonly commits = new Map<string, Promise<CommitInfo>>();

  /** A tree's entries (read once per sync). */
  readTree(gitdir: string, oid: string): Promise<TreeEntry[]> {
    let entries = this.trees.get(oid);
    if (!entries) {
      entries = git.readObject({ fs: gitFs, cache: this.cache, gitdir, oid, format: 'content' }).then((r) => {
        if (r.type !== 'tree') throw new Error(`git object ${oid} is a ${r.type}, not a tree`);
        return decodeTree(r.object as Uint8Array);
      });
      entries.catch(() => this.trees.delete(oid));
      this.trees.set(oid, entries);
    }
    return entries;
  }

  /** A commit's tree, parents and time (read once per sync). */
  readCommit(gitdir: string, oid: string): Promise<CommitInfo> {
    let info = this.commits.get(oid);
    if (!info) {
      info = git
        .readCommit({ fs: gitFs, cache: this.cache, gitdir, oid })
        .then(({ commit }) => ({ tree: commit.tree, parent: commit.parent, time: commit.committer.timestamp }));
      info.catch(() => this.commits.delete(oid));
      this.commits.set(oid, info);
    }
    return info;
  }

  async blobText(gitdir: string, oid: string): Promise<string> {
    const { blob } = await git.readBlob({ fs: gitFs, cache: this.cache, gitdir, oid });
    return Buffer.from(blob).toString('utf8');
  }

  /** Whether `gitdir` holds the object, loose or packed. */
  async has(gitdir: string, oid: string): Promise<boolean> {
    if (await stat(loosePath(gitdir, oid)).then(() => true, () => false)) return true;
    return git.readObject({ fs: gitFs, cache: this.cache, gitdir, oid, format: 'deflated' }).then(
      () => true,
      () => false,
    );
  }

  /** Stores `bytes` as a blob; its id (the same as git's). */
  writeBlob(gitdir: string, bytes: Uint8Array): Promise<string> {
    return this.write(gitdir, 'blob', bytes);
  }

  /** Writes a tree, kept as read: copying it to a remote next does not parse it again. */
  async writeTree(gitdir: string, tree: TreeEntry[]): Promise<string> {
    const oid = await this.write(gitdir, 'tree', encodeTree(tree));
    if (!this.trees.has(oid)) this.trees.set(oid, Promise.resolve(tree));
    return oid;
  }

  private async write(gitdir: string, type: 'blob' | 'tree', bytes: Uint8Array): Promise<string> {
    const wrapped = Buffer.concat([Buffer.from(`${type} ${bytes.length}\0`), bytes]);
    const oid = createHash('sha1').update(wrapped).digest('hex');
    if (await stat(loosePath(gitdir, oid)).then(() => true, () => false)) return oid;
    await git.writeObject({ fs: gitFs, gitdir, type, object: deflateSync(wrapped), format: 'deflated', oid });
    return oid;
  }
}

/** Where git keeps an object that is not in a pack: `objects/ab/cdef…`. */
export function loosePath(gitdir: string, oid: string): string {
  return join(gitdir, 'objects', oid.slice(0, 2), oid.slice(2));
}
