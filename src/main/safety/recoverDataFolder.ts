/**
 * Restores the damaged files of a data folder from its rolling backups: each
 * damaged file goes to <data>/quarantine/ (never deleted) and is replaced by
 * the newest good copy in a backup (or in the one backup given). A file no
 * backup holds a good copy of is left as it is, except an annotation file or
 * links.json that is not even a readable file (a folder, a link, a pipe, no
 * read permission): that is moved aside, so the folder opens without it.
 * A damaged counts.json (derived data) is moved aside, to be counted again,
 * and so are texts no article lists (see findOrphanTexts). A texts/ or
 * annotations/ that is itself not a usable folder (a link, a file, no
 * permission) is moved to quarantine/ as it is, made anew, and filled with
 * the good copies of its files the backups hold. Used by `recover` (the CLI)
 * and by the app's "Restore from backup". The caller holds the folder's lock
 * (or is the Triangulate that holds it and has no save under way).
 */
import { lstat, mkdir, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { RecoveryReport } from '../../shared/contract/dataHealth';
import { checkDataFile, parseIndexFile } from '../store/checkDataFile';
import { COUNTS_FILE, readCountsFile } from '../store/countsIndex';
import { findDamagedFiles } from './findDamagedFiles';
import { listDataFiles } from '../store/listDataFiles';
import { ID_RULE_MARKER } from '../store/migrateUnsafeIds';
import { listBackups, type BackupInfo } from './listBackups';
import { quarantineCorruptFile } from './quarantineCorruptFile';
import { setOrphanTextsAside } from './findOrphanTexts';
import { readDataEntry } from './readDataEntry';
import type { IndexFile } from '../store/storeFileSchemas';
import { writeFileAtomic } from '../store/writeFileAtomic';

export interface RecoverDataFolderOptions {
  now?: () => Date;
  /** Orphan texts (see findOrphanTexts) are moved aside when at least this old (default 0: all; the app passes a minute). */
  orphansOlderThanMs?: number;
  /** Take the copies from this backup only (default: the newest good copy among all). */
  backup?: BackupInfo;
}

export async function recoverDataFolder(dataDir: string, options: RecoverDataFolderOptions = {}): Promise<RecoveryReport> {
  const now = options.now ?? (() => new Date());
  const backups = options.backup ? [options.backup] : await listBackups(dataDir);
  const report: RecoveryReport = { restored: [], quarantined: [], unrecoverable: [] };
  // texts/ or annotations/ itself damaged (a link, a file, unreadable): moved aside whole, made anew, its files restored.
  for (const { file } of (await findDamagedFiles(dataDir)).damaged.filter((d) => d.file.endsWith('/'))) {
    const folder = file.slice(0, -1);
    const aside = await quarantineCorruptFile(dataDir, folder, { now: now() });
    report.quarantined.push(relative(dataDir, aside).split(sep).join('/'));
    await mkdir(join(dataDir, folder));
    await restoreFolderFiles(dataDir, folder, backups, report);
  }
  const { damaged } = await findDamagedFiles(dataDir);
  let index: IndexFile | null = null;
  for (const { file } of damaged) {
    if (file !== 'index.json' && index === null) index = await readIndex(dataDir);
    const copy = await goodCopy(file, backups, index);
    if (!copy) {
      // An annotation file or links.json that is not even a readable file (a folder, a link…) holds nothing
      // Triangulate can use: moved aside, the folder opens without it. Anything else stays for the user to see.
      if (OPTIONAL.test(file) && (await isUnreadableEntry(join(dataDir, ...file.split('/'))))) {
        const aside = await quarantineCorruptFile(dataDir, file, { now: now() });
        report.quarantined.push(relative(dataDir, aside).split(sep).join('/'));
      } else report.unrecoverable.push(file);
      continue;
    }
    const aside = await putBack(dataDir, file, copy.contents, now());
    const keptAs = aside === null ? null : relative(dataDir, aside).split(sep).join('/');
    report.restored.push({ file, fromBackup: copy.backup.name, backupTime: copy.backup.time.toISOString(), keptAs });
    if (keptAs !== null) report.quarantined.push(keptAs);
  }
  await setCountsAside(dataDir, now(), report);
  // Texts no article lists (an import killed part way), once index.json is good.
  const liveIndex = await readIndex(dataDir);
  if (liveIndex) report.quarantined.push(...(await setOrphanTextsAside(dataDir, liveIndex, { now: now(), olderThanMs: options.orphansOlderThanMs })));
  // Restored copies may come from before the id rule: looked at again at the next start (see migrateUnsafeIds).
  if (report.restored.length > 0) await rm(join(dataDir, ID_RULE_MARKER), { force: true });
  return report;
}

/** Every file of `folder` that some backup holds a good copy of, into the (new, empty) live folder. */
async function restoreFolderFiles(dataDir: string, folder: string, backups: readonly BackupInfo[], report: RecoveryReport): Promise<void> {
  const index = await readIndex(dataDir);
  const names = new Set<string>();
  for (const backup of backups) {
    for (const file of await listDataFiles(backup.dir)) if (file.startsWith(`${folder}/`)) names.add(file);
  }
  for (const file of [...names].sort()) {
    const copy = await goodCopy(file, backups, index);
    if (!copy) continue;
    await writeFileAtomic(join(dataDir, ...file.split('/')), copy.contents);
    report.restored.push({ file, fromBackup: copy.backup.name, backupTime: copy.backup.time.toISOString(), keptAs: null });
  }
}

/** Data files whose absence is a valid state: an article without annotations, a library without groups or links. */
const OPTIONAL = /^(annotations\/.+\.json|links\.json)$/;

/** Whether the entry exists but is not a regular file that can be read. */
async function isUnreadableEntry(path: string): Promise<boolean> {
  return (await readDataEntry(path)).state === 'damaged';
}

/** counts.json is derived: damaged in any way, it is moved aside and counted again at the next start. */
async function setCountsAside(dataDir: string, now: Date, report: RecoveryReport): Promise<void> {
  const read = await readDataEntry(join(dataDir, COUNTS_FILE));
  if (read.state === 'missing') return;
  if (read.state === 'ok' && typeof readCountsFile(read.bytes.toString('utf8')) !== 'string') return;
  const aside = await quarantineCorruptFile(dataDir, COUNTS_FILE, { now });
  report.quarantined.push(relative(dataDir, aside).split(sep).join('/'));
}

/** The newest copy of `file` among `backups` (newest first) that passes its checks. */
async function goodCopy(file: string, backups: readonly BackupInfo[], liveIndex: IndexFile | null) {
  for (const backup of backups) {
    const read = await readDataEntry(join(backup.dir, ...file.split('/')));
    if (read.state !== 'ok') continue;
    const contents = read.bytes.toString('utf8');
    // Texts and annotations are checked against the folder's index (or, while that is damaged, the backup's own).
    const index = liveIndex ?? (await readIndex(backup.dir));
    if (checkDataFile(file, contents, index) === null) return { backup, contents };
  }
  return null;
}

/** Writes a backup's copy over a live file, the live one going to quarantine; returns where it went (null: there was none). */
export async function putBack(dataDir: string, file: string, contents: string, now: Date): Promise<string | null> {
  const path = join(dataDir, ...file.split('/'));
  // lstat, not exists: a link that leads nowhere is an entry too, and goes to quarantine like any other.
  const present = await lstat(path).then(() => true, () => false);
  if (present) return quarantineCorruptFile(dataDir, file, { replaceWith: contents, now });
  await writeFileAtomic(path, contents);
  return null;
}

async function readIndex(dir: string): Promise<IndexFile | null> {
  const read = await readDataEntry(join(dir, 'index.json'));
  return read.state === 'ok' ? parseIndexFile(read.bytes.toString('utf8')) : null;
}
