/**
 * A data folder's shared files as a git tree, and back: `snapshotTree`
 * stores the working files as blobs (index.json in its shared form) and
 * builds their tree; `readDataTree` lists a commit's tree as path → blob id.
 * A file whose inode, size and modified time are those recorded at the last
 * snapshot is not read again (a save replaces the file, so its inode
 * changes): a 10,000-article library is snapshotted by looking at its files.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import git from 'isomorphic-git';
import { listDataFiles } from '../store/listDataFiles';
import { forEachConcurrently } from './forEachConcurrently';
import { gitFs } from './gitFs';
import { SHARED_SETTINGS, jsonText, syncStateDir } from './syncLayout';

/** Path → blob id, paths with "/" (`texts/a.json`). */
export type DataTree = Map<string, string>;

type StatCache = Record<string, [ino: number, size: number, mtimeMs: number, oid: string]>;

export class DataTreeCache {
  private dirty = false;

  private constructor(
    private readonly file: string,
    private readonly entries: StatCache,
  ) {}

  static async load(dataDir: string): Promise<DataTreeCache> {
    const file = join(syncStateDir(dataDir), 'stat-cache.json');
    let entries: StatCache = {};
    try {
      entries = JSON.parse(await readFile(file, 'utf8')) as StatCache;
    } catch {
      // Missing or damaged: every file is read once more.
    }
    return new DataTreeCache(file, entries);
  }

  lookup(path: string, info: { ino: number; size: number; mtimeMs: number }): string | undefined {
    const hit = this.entries[path];
    return hit && hit[0] === info.ino && hit[1] === info.size && hit[2] === info.mtimeMs ? hit[3] : undefined;
  }

  remember(path: string, info: { ino: number; size: number; mtimeMs: number }, oid: string): void {
    this.entries[path] = [info.ino, info.size, info.mtimeMs, oid];
    this.dirty = true;
  }

  forget(path: string): void {
    if (path in this.entries) this.dirty = true;
    delete this.entries[path];
  }

  /** How many of `paths` changed since they were last snapshotted or written by sync (stat only). */
  async changedCount(dataDir: string): Promise<number> {
    const paths = await listDataFiles(dataDir);
    let changed = Object.keys(this.entries).filter((p) => !paths.includes(p)).length;
    for (const path of paths) {
      const info = await stat(join(dataDir, path)).catch(() => null);
      if (!info || this.lookup(path, info) === undefined) changed++;
    }
    return changed;
  }

  /** Saved whole or not at all, without waiting for the disk: a cache lost in a power cut only costs a re-read. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    await mkdir(dirname(this.file), { recursive: true });
    await gitFs.promises.writeFile(this.file, JSON.stringify(this.entries));
    this.dirty = false;
  }
}

/** The text a working file is committed as: index.json without this machine's settings, the others as they are. */
export function sharedText(path: string, bytes: Buffer): Buffer {
  if (path !== 'index.json') return bytes;
  const value = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  return Buffer.from(jsonText({ ...value, settings: { ...SHARED_SETTINGS } }), 'utf8');
}

/** Stores the working data files as blobs; their tree. */
export async function snapshotTree(dataDir: string, cache: DataTreeCache): Promise<{ oid: string; files: DataTree }> {
  const gitdir = join(dataDir, '.git');
  const files: DataTree = new Map();
  const listed = await listDataFiles(dataDir);
  const oids = new Map<string, string>();
  await forEachConcurrently(listed, 16, async (path) => {
    const full = join(dataDir, path);
    const info = await stat(full);
    let oid = cache.lookup(path, info);
    if (!oid) {
      const bytes = await readFile(full);
      oid = await git.writeBlob({ fs: gitFs, gitdir, blob: sharedText(path, bytes) });
      // The file may have been replaced while it was read: remembered under the inode read first only if unchanged.
      const after = await stat(full);
      if (after.ino === info.ino && after.mtimeMs === info.mtimeMs) cache.remember(path, info, oid);
    }
    oids.set(path, oid);
  });
  for (const path of listed) files.set(path, oids.get(path)!);
  return { oid: await writeDataTree(gitdir, files), files };
}

/** Writes the tree of `files` (one level of folders). */
export async function writeDataTree(gitdir: string, files: DataTree): Promise<string> {
  const top: { mode: string; path: string; oid: string; type: 'blob' | 'tree' }[] = [];
  const folders = new Map<string, { mode: string; path: string; oid: string; type: 'blob' }[]>();
  for (const [path, oid] of files) {
    const slash = path.indexOf('/');
    if (slash < 0) {
      top.push({ mode: '100644', path, oid, type: 'blob' });
      continue;
    }
    const folder = path.slice(0, slash);
    const list = folders.get(folder) ?? [];
    list.push({ mode: '100644', path: path.slice(slash + 1), oid, type: 'blob' });
    folders.set(folder, list);
  }
  for (const [folder, entries] of folders) {
    top.push({ mode: '040000', path: folder, oid: await git.writeTree({ fs: gitFs, gitdir, tree: entries }), type: 'tree' });
  }
  return git.writeTree({ fs: gitFs, gitdir, tree: top });
}

/** A commit's files, path → blob id (folders one level deep, as the data folder has them). */
export async function readDataTree(gitdir: string, commitOid: string | null): Promise<DataTree> {
  const files: DataTree = new Map();
  if (!commitOid) return files;
  const { commit } = await git.readCommit({ fs: gitFs, gitdir, oid: commitOid });
  const { tree } = await git.readTree({ fs: gitFs, gitdir, oid: commit.tree });
  for (const entry of tree) {
    if (entry.type === 'blob') files.set(entry.path, entry.oid);
    else if (entry.type === 'tree') {
      const sub = await git.readTree({ fs: gitFs, gitdir, oid: entry.oid });
      for (const inner of sub.tree) if (inner.type === 'blob') files.set(`${entry.path}/${inner.path}`, inner.oid);
    }
  }
  return files;
}
