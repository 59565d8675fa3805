/**
 * Makes one backup of a data folder: copies its good live files (see
 * listDataFiles and checkDataFile; a file that fails its checks is never
 * copied) into a new `<dataDir>/backups/<time>/`, then removes all but the
 * newest `keep` backups. The copy is written to a hidden ".partial-…"
 * folder and renamed into place when complete, and an old backup is renamed
 * to a hidden ".removing-…" folder before its files go, so a crash never
 * leaves a half-made or half-removed backup under a backup's name; what it
 * leaves is removed later. Nothing is made when there is no good file, or
 * when the good files are byte for byte those of the newest backup.
 *
 * Incremental (issue 20: at 100,000 articles reading every file took
 * minutes and a gigabyte): each backup records in its `.manifest.json` the
 * stamp of every live file it copied (see Manifest); a file whose stamp and
 * index.json entry are unchanged since the newest backup is not read again
 * but hard-linked from that backup (copied where the file system refuses
 * links). Every backup is still a whole folder, so restoring reads one
 * backup as before; removing an old backup leaves the others' files intact.
 * Only changed files are read, checked and copied, one at a time.
 */
import { randomUUID } from 'node:crypto';
import { constants, copyFileSync, linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { checkDataFile, parseIndexFile } from '../store/checkDataFile';
import { backupName, backupsDir, listBackups, type BackupInfo } from './listBackups';
import { listDataFiles } from '../store/listDataFiles';
import { fileStampSync } from '../store/fileStamp';
import { inSlices } from '../store/inSlices';
import { readDataEntry, readDataEntrySync } from './readDataEntry';
import type { IndexFile } from '../store/storeFileSchemas';
import type { ArticleMeta } from '../../shared/model/model';

export interface MakeBackupOptions {
  now?: () => Date;
  /** How many backups to keep (the newest); at least 1. Default 10. */
  keep?: number;
  /** Stops a backup part way (the app closing): what was copied is removed, nothing is made. */
  signal?: AbortSignal;
  /**
   * Awaited between stretches of SLICE_MS of files looked at, then linked or copied (see inSlices): the core's
   * calls in flight (an open, a search) go first (see ForegroundGate), so a backup of 200,000 files does not
   * share the thread with them.
   */
  giveWay?: () => Promise<void>;
}

export interface BackupOutcome {
  /** The new backup; null when none was needed. */
  made: BackupInfo | null;
  /** The files that are good, i.e. that the newest backup now holds. */
  files: string[];
  /** Files left out because they failed their checks. */
  skipped: { file: string; problem: string }[];
}

const PARTIAL = '.partial-';
const REMOVING = '.removing-';
/** A partial folder older than this is a leftover of a crash, not a backup in progress. */
const PARTIAL_MAX_AGE_MS = 60 * 60 * 1000;

export async function makeBackup(dataDir: string, options: MakeBackupOptions = {}): Promise<BackupOutcome> {
  const now = options.now ?? (() => new Date());
  const keep = Math.max(1, options.keep ?? 10);
  const indexEntry = await readDataEntry(join(dataDir, 'index.json'));
  const index = indexEntry.state === 'ok' ? parseIndexFile(indexEntry.bytes.toString('utf8')) : null;
  const newest = (await listBackups(dataDir))[0];
  const previous = newest ? await readManifest(newest.dir) : null;
  const live = await listDataFiles(dataDir);
  const slices = { sliceMs: SLICE_MS, giveWay: options.giveWay };
  // Looked at synchronously, a slice at a time: 200,000 lstat promises cost several times the calls.
  const stamps = await inSlices(
    live,
    (file) => {
      options.signal?.throwIfAborted();
      return fileStampSync(join(dataDir, ...file.split('/')))?.stamp ?? null;
    },
    slices,
  );

  const ties = live.map((file) => tiesOf(file, index));
  const unchanged = (i: number): boolean => {
    const before = previous?.files[live[i]!];
    const now = stamps[i] ?? null;
    return now !== null && before !== undefined && sameStamp(before.stamp, now) && before.ties === ties[i];
  };
  if (previous && live.length === Object.keys(previous.files).length && live.every((_, i) => unchanged(i))) {
    return { made: null, files: live, skipped: [] }; // the newest backup holds exactly these files
  }

  const root = backupsDir(dataDir);
  const time = now();
  const partial = join(root, `${PARTIAL}${backupName(time)}-${randomUUID().slice(0, 8)}`);
  const files: string[] = [];
  const skipped: BackupOutcome['skipped'] = [];
  const manifest: Manifest = { version: 1, files: {} };
  let changed = false;
  let started = false;
  const folders = new Set<string>();
  /** Makes the folder a copy goes into, once per backup (not once per file: 200,000 files at 100,000 articles). */
  const folderFor = (target: string): void => {
    const folder = dirname(target);
    if (folders.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    folders.add(folder);
  };
  /**
   * Links (unchanged since the newest backup) or reads, checks and copies the i-th live file into the partial
   * folder, with the synchronous calls (a slice at a time): a link by promise cost twice the CPU of the call.
   */
  const backUp = (file: string, i: number): void => {
    options.signal?.throwIfAborted();
    const target = join(partial, ...file.split('/'));
    const stamp = stamps[i] ?? null;
    if (stamp !== null && unchanged(i)) {
      // Unchanged since the newest backup, which checked and holds it: linked, not read again.
      if (!started) started = begin(partial);
      folderFor(target);
      if (linkOrCopy(join(newest!.dir, ...file.split('/')), target)) {
        files.push(file);
        manifest.files[file] = { stamp, ties: ties[i]! };
        return;
      }
    }
    const read = file === 'index.json' ? indexEntry : readDataEntrySync(join(dataDir, ...file.split('/')));
    if (read.state === 'missing') return; // removed meanwhile
    if (read.state === 'damaged') {
      skipped.push({ file, problem: read.problem });
      return;
    }
    const problem = checkDataFile(file, read.bytes.toString('utf8'), index);
    if (problem) {
      skipped.push({ file, problem });
      return;
    }
    if (!started) started = begin(partial);
    folderFor(target);
    writeFileSync(target, read.bytes, { flag: 'wx' });
    files.push(file);
    if (stamp) manifest.files[file] = { stamp, ties: ties[i]! };
    if (!changed && !(newest && sameBytes(join(newest.dir, ...file.split('/')), read.bytes))) changed = true;
  };
  try {
    await inSlices(live, backUp, slices);
    if (files.length === 0) {
      if (started) await rm(partial, { recursive: true, force: true });
      return { made: null, files, skipped };
    }
    // Nothing new and no file gone: the newest backup already holds exactly these files.
    if (newest && !changed && files.length === (await countFiles(newest.dir, previous))) {
      manifest.files = { ...previous?.files, ...manifest.files };
      await writeManifestBeside(newest.dir, manifest, previous);
      await rm(partial, { recursive: true, force: true });
      return { made: null, files, skipped };
    }
    await writeFile(join(partial, MANIFEST), JSON.stringify(manifest));
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
  const made = await renameIntoPlace(partial, root, backupName(time), time);
  await prune(dataDir, keep, time);
  return { made, files, skipped };
}

/**
 * What a backup records of each file it holds, so that the next backup copies
 * only what changed: the live file's stamp when it was read (fileStamp: every
 * save writes a new file and renames it into place, so a saved file never
 * keeps its stamp), and for texts and annotations the index.json entry it was
 * checked against (a changed entry checks it again).
 */
interface Manifest {
  version: 1;
  files: Record<string, { stamp: string; ties: string }>;
}

const MANIFEST = '.manifest.json';
/** The longest stretch of files looked at (or linked, or copied) between two turns given to the core's calls. */
const SLICE_MS = 10;

async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    const value = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Partial<Manifest>;
    return value.version === 1 && typeof value.files === 'object' && value.files !== null ? (value as Manifest) : null;
  } catch {
    return null; // none (a backup from before manifests) or unreadable: every file is read and checked
  }
}

/** Records the stamps of files rewritten with the same bytes, so the next look does not read them again. */
async function writeManifestBeside(dir: string, manifest: Manifest, previous: Manifest | null): Promise<void> {
  if (previous && JSON.stringify(previous) === JSON.stringify(manifest)) return;
  const temp = join(dir, `${MANIFEST}.${randomUUID().slice(0, 8)}.tmp`);
  await writeFile(temp, JSON.stringify(manifest));
  await rename(temp, join(dir, MANIFEST));
}

async function countFiles(dir: string, manifest: Manifest | null): Promise<number> {
  return manifest ? Object.keys(manifest.files).length : (await listDataFiles(dir)).length;
}

/**
 * Whether a file's stamp now is the one recorded. A manifest written before stamps held the change time
 * records "inode:size:mtimeNs", which the stamp now begins with: such a file is taken as unchanged (as it was
 * then), not read again, and the backup made records its whole stamp.
 */
function sameStamp(recorded: string, now: string): boolean {
  if (recorded === now) return true;
  return recorded.split(':').length === 3 && now.startsWith(`${recorded}:`);
}

/** The index.json entry a text or annotation file is checked against; '' for other files. */
function tiesOf(file: string, index: IndexFile | null): string {
  const match = /^(?:texts|annotations)\/(.+?)(?:@v[1-9][0-9]*)?\.json$/.exec(file);
  if (!match) return '';
  const meta = index ? entryOf(index, match[1]!) : undefined;
  return meta ? JSON.stringify([meta.hash, meta.length, meta.versions ?? null]) : 'none';
}

const byIdCache = new WeakMap<IndexFile, Map<string, ArticleMeta>>();
function entryOf(index: IndexFile, id: string): ArticleMeta | undefined {
  let byId = byIdCache.get(index);
  if (!byId) byIdCache.set(index, (byId = new Map(index.articles.map((a) => [a.id, a]))));
  return byId.get(id);
}

function begin(partial: string): true {
  mkdirSync(partial, { recursive: true });
  return true;
}

/** A hard link to the newest backup's copy (backups are never written again); a copy where links are refused. */
function linkOrCopy(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false; // gone from the backup: read the live file
    try {
      copyFileSync(from, to, constants.COPYFILE_EXCL);
      return true;
    } catch {
      return false;
    }
  }
}

function sameBytes(path: string, bytes: Buffer): boolean {
  try {
    return readFileSync(path).equals(bytes);
  } catch {
    return false;
  }
}

async function renameIntoPlace(partial: string, root: string, name: string, time: Date): Promise<BackupInfo> {
  for (let n = 1; ; n++) {
    const final = n === 1 ? name : `${name}-${n}`;
    const dir = join(root, final);
    try {
      await stat(dir);
      continue; // taken (two backups in one millisecond)
    } catch {
      // free
    }
    try {
      await rename(partial, dir);
      return { name: final, dir, time };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (n < 100 && (code === 'EEXIST' || code === 'ENOTEMPTY')) continue;
      await rm(partial, { recursive: true, force: true });
      throw error;
    }
  }
}

/**
 * Removes the backups beyond the newest `keep`. Each is first renamed to a
 * hidden ".removing-…" name, so a crash in the middle of removing its files
 * never leaves a half-emptied folder that looks like a backup; such hidden
 * leftovers, and old partial folders, are removed here too.
 */
async function prune(dataDir: string, keep: number, time: Date): Promise<void> {
  const root = backupsDir(dataDir);
  for (const old of (await listBackups(dataDir)).slice(keep)) {
    const doomed = join(root, `${REMOVING}${old.name}-${randomUUID().slice(0, 8)}`);
    const moved = await rename(old.dir, doomed).then(
      () => true,
      () => false, // gone already (another process pruned it)
    );
    if (moved) await rm(doomed, { recursive: true, force: true });
  }
  for (const name of await readdir(root)) {
    const path = join(root, name);
    if (name.startsWith(REMOVING)) await rm(path, { recursive: true, force: true });
    if (!name.startsWith(PARTIAL)) continue;
    const info = await stat(path).catch(() => null);
    if (info && time.getTime() - info.mtimeMs > PARTIAL_MAX_AGE_MS) await rm(path, { recursive: true, force: true });
  }
}
