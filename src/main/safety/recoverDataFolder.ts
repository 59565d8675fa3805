/**
 * Restores the damaged files of a data folder from its rolling backups: each
 * damaged file goes to <data>/quarantine/ (never deleted) and is replaced by
 * the newest good copy in a backup (or in the one backup given). A file no
 * backup holds a good copy of is left as it is. Used by `recover` (the CLI)
 * and by the app's "Restore from backup". The caller holds the folder's lock
 * (or is the Triangulate that holds it and has no save under way).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { RecoveryReport } from '../../shared/contract/dataHealth';
import { checkDataFile, parseIndexFile } from '../store/checkDataFile';
import { findDamagedFiles } from './findDamagedFiles';
import { listBackups, type BackupInfo } from './listBackups';
import { quarantineCorruptFile } from './quarantineCorruptFile';
import type { IndexFile } from '../store/storeFileSchemas';
import { writeFileAtomic } from '../store/writeFileAtomic';

export interface RecoverDataFolderOptions {
  now?: () => Date;
  /** Take the copies from this backup only (default: the newest good copy among all). */
  backup?: BackupInfo;
}

export async function recoverDataFolder(dataDir: string, options: RecoverDataFolderOptions = {}): Promise<RecoveryReport> {
  const now = options.now ?? (() => new Date());
  const backups = options.backup ? [options.backup] : await listBackups(dataDir);
  const { damaged } = await findDamagedFiles(dataDir);
  const report: RecoveryReport = { restored: [], quarantined: [], unrecoverable: [] };
  let index: IndexFile | null = null;
  for (const { file } of damaged) {
    if (file !== 'index.json' && index === null) index = await readIndex(dataDir);
    const copy = await goodCopy(file, backups, index);
    if (!copy) {
      report.unrecoverable.push(file);
      continue;
    }
    const aside = await putBack(dataDir, file, copy.contents, now());
    const keptAs = aside === null ? null : relative(dataDir, aside).split(sep).join('/');
    report.restored.push({ file, fromBackup: copy.backup.name, backupTime: copy.backup.time.toISOString(), keptAs });
    if (keptAs !== null) report.quarantined.push(keptAs);
  }
  return report;
}

/** The newest copy of `file` among `backups` (newest first) that passes its checks. */
async function goodCopy(file: string, backups: readonly BackupInfo[], liveIndex: IndexFile | null) {
  for (const backup of backups) {
    const contents = await readFile(join(backup.dir, ...file.split('/')), 'utf8').catch(() => null);
    if (contents === null) continue;
    // Texts and annotations are checked against the folder's index (or, while that is damaged, the backup's own).
    const index = liveIndex ?? (await readIndex(backup.dir));
    if (checkDataFile(file, contents, index) === null) return { backup, contents };
  }
  return null;
}

/** Writes a backup's copy over a live file, the live one going to quarantine; returns where it went (null: there was none). */
export async function putBack(dataDir: string, file: string, contents: string, now: Date): Promise<string | null> {
  const path = join(dataDir, ...file.split('/'));
  if (existsSync(path)) return quarantineCorruptFile(dataDir, file, { replaceWith: contents, now });
  await writeFileAtomic(path, contents);
  return null;
}

async function readIndex(dir: string): Promise<IndexFile | null> {
  const raw = await readFile(join(dir, 'index.json'), 'utf8').catch(() => null);
  return raw === null ? null : parseIndexFile(raw);
}
