/**
 * A data folder's shared files as a git tree, and back: `snapshotTree`
 * stores the working files as blobs (index.json in its shared form) and
 * builds their tree; `readDataTree` lists a commit's tree as path → blob id;
 * `readTopTree` and `readFolder` read it one level at a time, so a merge can
 * leave a folder whose tree is the same on both sides unread.
 * A file whose inode, size and modified time are those recorded at the last
 * snapshot is not read again (a save replaces the file, so its inode
 * changes), and a folder none of whose files changed keeps the tree written
 * for it last time: a 10,000-article library is snapshotted by looking at
 * its files.
 */
import { statSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { TreeEntry } from 'isomorphic-git';
import { listDataFiles } from '../store/listDataFiles';
import { forEachConcurrently } from './forEachConcurrently';
import type { GitObjects } from './gitObjects';
import { gitFs } from './gitFs';
import { SHARED_SETTINGS, jsonText, syncStateDir } from './syncLayout';

/** Path → blob id, paths with "/" (`texts/a.json`). */
export type DataTree = Map<string, string>;

/** The top of a commit's tree: name → blob or folder tree. */
export type TopTree = Map<string, { oid: string; type: 'blob' | 'tree' }>;

type FileStat = { ino: number; size: number; mtimeMs: number };
type StatEntry = [ino: number, size: number, mtimeMs: number, oid: string];
interface CacheFile {
  version: 2;
  files: Record<string, StatEntry>;
  /** Folder → the tree of exactly the folder's entries in `files` (dropped when one of them changes). */
  folders: Record<string, string>;
}

/** Files statted in one go before the event loop gets a turn (a few milliseconds each). */
const STAT_BATCH = 500;

/**
 * The cache as this process last read or saved it, by file: a status asked
 * for after every change does not parse 20,000 entries again while the file
 * is the one it was (another process's sync replaces it, and so its inode).
 */
const lastSeen = new Map<string, { stamp: string; entries: Map<string, StatEntry>; folders: Map<string, string> }>();

/** A folder's count of changed files, kept while the folder and the cache stay as they were. */
const counted = new Map<string, { cache: string; dir: string | null; changed: number }>();
/** How much older than a count a folder's time must be to be trusted (file systems keep times to a second or two). */
const RACY_MS = 2_000;

async function stampOf(file: string): Promise<string | null> {
  const info = await stat(file).catch(() => null);
  return info ? `${info.ino}:${info.size}:${info.mtimeMs}` : null;
}

export class DataTreeCache {
  private dirty = false;

  private constructor(
    private readonly file: string,
    private readonly entries: Map<string, StatEntry>,
    private readonly folders: Map<string, string>,
    /** The saved file this was read from (null: none, or not readable). */
    private readonly stamp: string | null,
  ) {}

  static async load(dataDir: string): Promise<DataTreeCache> {
    const file = join(syncStateDir(dataDir), 'stat-cache.json');
    const stamp = await stampOf(file);
    const seen = lastSeen.get(file);
    if (stamp && seen?.stamp === stamp) return new DataTreeCache(file, new Map(seen.entries), new Map(seen.folders), stamp);
    let entries = new Map<string, StatEntry>();
    let folders = new Map<string, string>();
    try {
      const value = JSON.parse(await readFile(file, 'utf8')) as CacheFile | Record<string, StatEntry>;
      // The first version held the files' record alone.
      const saved = value.version === 2 ? (value as CacheFile) : { files: value as Record<string, StatEntry>, folders: {} };
      entries = new Map(Object.entries(saved.files));
      folders = new Map(Object.entries(saved.folders));
      if (stamp) lastSeen.set(file, { stamp, entries: new Map(entries), folders: new Map(folders) });
    } catch {
      // Missing or damaged: every file is read once more.
    }
    return new DataTreeCache(file, entries, folders, lastSeen.get(file)?.stamp === stamp ? stamp : null);
  }

  lookup(path: string, info: FileStat): string | undefined {
    const hit = this.entries.get(path);
    return hit && hit[0] === info.ino && hit[1] === info.size && hit[2] === info.mtimeMs ? hit[3] : undefined;
  }

  remember(path: string, info: FileStat, oid: string): void {
    const before = this.entries.get(path);
    if (before?.[3] !== oid) this.folders.delete(folderOf(path));
    this.entries.set(path, [info.ino, info.size, info.mtimeMs, oid]);
    this.dirty = true;
  }

  forget(path: string): void {
    if (!this.entries.delete(path)) return;
    this.folders.delete(folderOf(path));
    this.dirty = true;
  }

  /** The tree last written for `folder`, if its files are still those it was written from. */
  folderTree(folder: string): string | undefined {
    return this.folders.get(folder);
  }

  rememberFolderTree(folder: string, oid: string): void {
    this.folders.set(folder, oid);
    this.dirty = true;
  }

  /** Remembers `oid` as `folder`'s tree when the files recorded in it are exactly `files` (name → blob id). */
  adoptFolderTree(folder: string, files: ReadonlyMap<string, string>, oid: string): void {
    let count = 0;
    for (const [path, entry] of this.entries) {
      if (folderOf(path) !== folder) continue;
      if (files.get(path.slice(folder.length + 1)) !== entry[3]) return;
      count++;
    }
    if (count === files.size) this.rememberFolderTree(folder, oid);
  }

  /** The paths the cache holds. */
  paths(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** How many data files changed since they were last snapshotted or written by sync (stat only, nothing read). */
  async changedCount(dataDir: string): Promise<number> {
    const paths = await listDataFiles(dataDir);
    const listed = new Set(paths);
    let changed = 0;
    for (const path of this.entries.keys()) if (!listed.has(path)) changed++;
    const byFolder = new Map<string, string[]>();
    for (const path of paths) {
      const list = byFolder.get(folderOf(path)) ?? [];
      list.push(path);
      byFolder.set(folderOf(path), list);
    }
    for (const [folder, inFolder] of byFolder) changed += await this.changedIn(dataDir, folder, inFolder);
    return changed;
  }

  /**
   * How many of a folder's files changed. A folder that no save touched since
   * the last count (its modified time is the same: a save renames a file into
   * it) is not looked into again, unless that time was too close to the count
   * to tell two saves apart. A file edited in place by hand is seen at the next
   * save in its folder, and always by a sync.
   */
  private async changedIn(dataDir: string, folder: string, paths: readonly string[]): Promise<number> {
    const dir = folder === '' ? null : statSync(join(dataDir, folder), { throwIfNoEntry: false });
    const key = `${this.file}\0${folder}`;
    const seen = counted.get(key);
    const dirStamp = dir ? `${dir.ino}:${dir.mtimeMs}` : null;
    if (dir && seen && this.stamp !== null && !this.dirty && seen.cache === this.stamp && seen.dir === dirStamp) return seen.changed;
    const started = Date.now();
    const infos = await statFiles(dataDir, paths);
    let changed = 0;
    paths.forEach((path, i) => {
      const info = infos[i];
      if (!info || this.lookup(path, info) === undefined) changed++;
    });
    if (dir && this.stamp !== null && !this.dirty && dir.mtimeMs < started - RACY_MS) counted.set(key, { cache: this.stamp, dir: dirStamp, changed });
    else counted.delete(key);
    return changed;
  }

  /** Saved whole or not at all, without waiting for the disk: a cache lost in a power cut only costs a re-read. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    await mkdir(dirname(this.file), { recursive: true });
    const saved: CacheFile = { version: 2, files: Object.fromEntries(this.entries), folders: Object.fromEntries(this.folders) };
    await gitFs.promises.writeFile(this.file, JSON.stringify(saved));
    this.dirty = false;
    const stamp = await stampOf(this.file);
    if (stamp) lastSeen.set(this.file, { stamp, entries: new Map(this.entries), folders: new Map(this.folders) });
  }
}

/** The folder a data file is in ("" for the top of the data folder). */
function folderOf(path: string): string {
  const slash = path.indexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/**
 * The inode, size and time of each file (null: gone), statted synchronously in
 * batches: a stat of a file the system has just listed takes microseconds, far
 * less than the promise around an asynchronous one.
 */
async function statFiles(dataDir: string, paths: readonly string[]): Promise<(FileStat | null)[]> {
  const infos: (FileStat | null)[] = [];
  for (let i = 0; i < paths.length; i++) {
    if (i > 0 && i % STAT_BATCH === 0) await nextTurn();
    infos.push(statSync(join(dataDir, paths[i]!), { throwIfNoEntry: false }) ?? null);
  }
  return infos;
}

/** The text a working file is committed as: index.json without this machine's settings, the others as they are. */
export function sharedText(path: string, bytes: Buffer): Buffer {
  if (path !== 'index.json') return bytes;
  const value = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  return Buffer.from(jsonText({ ...value, settings: { ...SHARED_SETTINGS } }), 'utf8');
}

/** Stores the working data files as blobs; their tree. */
export async function snapshotTree(dataDir: string, cache: DataTreeCache, objects: GitObjects): Promise<string> {
  const gitdir = join(dataDir, '.git');
  const listed = await listDataFiles(dataDir);
  const infos = await statFiles(dataDir, listed);
  const oids = new Map<string, string>();
  const unsettled = new Set<string>();
  const misses: number[] = [];
  listed.forEach((path, i) => {
    const oid = infos[i] ? cache.lookup(path, infos[i]) : undefined;
    if (oid) oids.set(path, oid);
    else misses.push(i);
  });
  await forEachConcurrently(misses, 16, async (i) => {
    const path = listed[i]!;
    const full = join(dataDir, path);
    const info = await stat(full);
    const oid = await objects.writeBlob(gitdir, sharedText(path, await readFile(full)));
    // The file may have been replaced while it was read: remembered under the inode read first only if unchanged.
    const after = await stat(full);
    if (after.ino === info.ino && after.mtimeMs === info.mtimeMs) cache.remember(path, info, oid);
    else unsettled.add(folderOf(path));
    oids.set(path, oid);
  });
  // A file gone since the last snapshot is forgotten, so the folder's tree is written again.
  const present = new Set(listed);
  for (const path of [...cache.paths()]) if (!present.has(path)) cache.forget(path);

  const byFolder = new Map<string, string[]>();
  for (const path of listed) {
    const folder = folderOf(path);
    if (folder === '') continue;
    const list = byFolder.get(folder) ?? [];
    list.push(path);
    byFolder.set(folder, list);
  }
  const top: TreeEntry[] = listed.filter((p) => folderOf(p) === '').map((path) => ({ mode: '100644', path, oid: oids.get(path)!, type: 'blob' }));
  for (const [folder, paths] of byFolder) {
    let oid = unsettled.has(folder) ? undefined : cache.folderTree(folder);
    if (!oid) {
      oid = await objects.writeTree(gitdir, paths.map((path) => ({ mode: '100644', path: path.slice(folder.length + 1), oid: oids.get(path)!, type: 'blob' })));
      if (!unsettled.has(folder)) cache.rememberFolderTree(folder, oid);
    }
    top.push({ mode: '040000', path: folder, oid, type: 'tree' });
  }
  return objects.writeTree(gitdir, top);
}

/** The top of a commit's tree (empty for no commit). */
export async function readTopTree(objects: GitObjects, gitdir: string, commitOid: string | null): Promise<TopTree> {
  const top: TopTree = new Map();
  if (!commitOid) return top;
  const { tree } = await objects.readCommit(gitdir, commitOid);
  for (const entry of await objects.readTree(gitdir, tree)) {
    if (entry.type === 'blob' || entry.type === 'tree') top.set(entry.path, { oid: entry.oid, type: entry.type });
  }
  return top;
}

/** A folder's files, name → blob id (empty for no tree). */
export async function readFolder(objects: GitObjects, gitdir: string, treeOid: string | undefined): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  if (!treeOid) return files;
  for (const entry of await objects.readTree(gitdir, treeOid)) if (entry.type === 'blob') files.set(entry.path, entry.oid);
  return files;
}

/** A commit's files, path → blob id (folders one level deep, as the data folder has them). */
export async function readDataTree(objects: GitObjects, gitdir: string, commitOid: string | null): Promise<DataTree> {
  const files: DataTree = new Map();
  for (const [name, entry] of await readTopTree(objects, gitdir, commitOid)) {
    if (entry.type === 'blob') files.set(name, entry.oid);
    else for (const [inner, oid] of await readFolder(objects, gitdir, entry.oid)) files.set(`${name}/${inner}`, oid);
  }
  return files;
}

/**
 * Writes the tree of `top` with `changes` made to it (path → new blob id, or
 * undefined for a removed file): only the folders a change falls in are
 * written again; a folder left empty is left out, as git does. Answers the
 * tree and, for each folder written again, its files and tree.
 */
export async function writeChangedTree(
  objects: GitObjects,
  gitdir: string,
  top: TopTree,
  changes: ReadonlyMap<string, string | undefined>,
): Promise<{ oid: string; folders: Map<string, { files: Map<string, string>; oid: string }> }> {
  const entries = new Map(top);
  const byFolder = new Map<string, [string, string | undefined][]>();
  for (const [path, oid] of changes) {
    const folder = folderOf(path);
    if (folder === '') {
      if (oid === undefined) entries.delete(path);
      else entries.set(path, { oid, type: 'blob' });
      continue;
    }
    const list = byFolder.get(folder) ?? [];
    list.push([path.slice(folder.length + 1), oid]);
    byFolder.set(folder, list);
  }
  const folders = new Map<string, { files: Map<string, string>; oid: string }>();
  for (const [folder, list] of byFolder) {
    const current = top.get(folder);
    const files = await readFolder(objects, gitdir, current?.type === 'tree' ? current.oid : undefined);
    for (const [name, oid] of list) {
      if (oid === undefined) files.delete(name);
      else files.set(name, oid);
    }
    if (files.size === 0) {
      entries.delete(folder);
      continue;
    }
    const oid = await objects.writeTree(gitdir, [...files].map(([path, blob]) => ({ mode: '100644', path, oid: blob, type: 'blob' })));
    entries.set(folder, { oid, type: 'tree' });
    folders.set(folder, { files, oid });
  }
  const oid = await objects.writeTree(
    gitdir,
    [...entries].map(([path, { oid: entry, type }]) => ({ mode: type === 'tree' ? '040000' : '100644', path, oid: entry, type })),
  );
  return { oid, folders };
}
