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
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { checkDataFile, parseIndexFile } from '../store/checkDataFile';
import { backupName, backupsDir, listBackups, type BackupInfo } from './listBackups';
import { listDataFiles } from '../store/listDataFiles';
import { readDataEntry, type DataEntryRead } from './readDataEntry';

export interface MakeBackupOptions {
  now?: () => Date;
  /** How many backups to keep (the newest); at least 1. Default 10. */
  keep?: number;
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
  const { good, skipped } = await readGoodFiles(dataDir);
  const files = [...good.keys()];
  if (good.size === 0) return { made: null, files, skipped };

  const newest = (await listBackups(dataDir))[0];
  if (newest && (await holdsExactly(newest.dir, good))) return { made: null, files, skipped };

  const root = backupsDir(dataDir);
  const time = now();
  const partial = join(root, `${PARTIAL}${backupName(time)}-${randomUUID().slice(0, 8)}`);
  await mkdir(partial, { recursive: true });
  try {
    for (const [file, bytes] of good) {
      const target = join(partial, ...file.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, bytes, { flag: 'wx' });
    }
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
  const made = await renameIntoPlace(partial, root, backupName(time), time);
  await prune(dataDir, keep, time);
  return { made, files, skipped };
}

async function readGoodFiles(dataDir: string) {
  const good = new Map<string, Buffer>();
  const skipped: { file: string; problem: string }[] = [];
  // Regular files only, never read through a link; one that cannot be read is left out like a damaged one.
  const entries = new Map<string, DataEntryRead>();
  const entryOf = async (file: string): Promise<DataEntryRead> => {
    const known = entries.get(file);
    if (known) return known;
    const read = await readDataEntry(join(dataDir, ...file.split('/')));
    entries.set(file, read);
    return read;
  };
  const indexEntry = await entryOf('index.json');
  const index = indexEntry.state === 'ok' ? parseIndexFile(indexEntry.bytes.toString('utf8')) : null;
  for (const file of await listDataFiles(dataDir)) {
    const read = await entryOf(file);
    if (read.state === 'missing') continue; // removed meanwhile
    if (read.state === 'damaged') {
      skipped.push({ file, problem: read.problem });
      continue;
    }
    const bytes = read.bytes;
    const problem = checkDataFile(file, bytes.toString('utf8'), index);
    if (problem) skipped.push({ file, problem });
    else good.set(file, bytes);
  }
  return { good, skipped };
}

async function holdsExactly(dir: string, good: ReadonlyMap<string, Buffer>): Promise<boolean> {
  const theirs = await listDataFiles(dir);
  if (theirs.length !== good.size || theirs.some((file) => !good.has(file))) return false;
  for (const file of theirs) {
    const bytes = await readFile(join(dir, ...file.split('/'))).catch(() => null);
    if (!bytes || !bytes.equals(good.get(file)!)) return false;
  }
  return true;
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
