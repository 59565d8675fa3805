/**
 * `npm run cli -- recover [--data DIR] [--backup NAME] [--all] [--list]`:
 * lists the rolling backups of a data folder, finds its damaged files and
 * restores each from the newest backup that holds a good copy of it (or from
 * the backup named). A damaged file is moved to <data>/quarantine/, never
 * deleted. It says what it did and what may have been lost. Holds the data
 * folder's lock meanwhile, so it refuses a folder that Triangulate has open.
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { oneLine, processIo, type CliCommand, type CliIo } from './cliIo';
import { COUNTS_FILE } from '../store/countsIndex';
import { parseCommandArgs } from './parseCommandArgs';
import { acquireDataFolderLock, DataFolderLockedError } from '../store/dataFolderLock';
import { defaultDataDir } from '../store/defaultDataDir';
import type { RecoveryReport } from '../../shared/contract/dataHealth';
import { findDamagedFiles } from '../safety/findDamagedFiles';
import { findOrphanTexts } from '../safety/findOrphanTexts';
import { listBackups, type BackupInfo } from '../safety/listBackups';
import { listDataFiles } from '../store/listDataFiles';
import { quarantineCorruptFile } from '../safety/quarantineCorruptFile';
import { putBack, recoverDataFolder } from '../safety/recoverDataFolder';
import { cliCount } from './cliCount';

export const RECOVER_USAGE = `Usage: npm run cli -- recover [--data DIR] [--backup NAME] [--all] [--list]

Restores the damaged files of a data folder from its backups (<data>/backups,
made while Triangulate runs). Each damaged file is moved to <data>/quarantine/
(never deleted) and replaced by the newest good copy in a backup.
  --backup NAME  take the copies from this backup (see the list) only
  --all          put back the whole backup (the newest, or NAME): every data
                 file becomes the backup's; files that differ go to quarantine/
  --list         list the backups and the damaged files; change nothing
  --data DIR     data folder (default: $TRIANGULATE_DATA, else the per-user
                 Triangulate folder, e.g. ~/.local/share/Triangulate)
Close Triangulate first: recover refuses a data folder that is in use.`;

const RECOVER_COMMAND = {
  name: 'triangulate recover',
  usage: RECOVER_USAGE,
  options: { data: { type: 'string' }, backup: { type: 'string' }, all: { type: 'boolean' }, list: { type: 'boolean' } },
} as const;

export interface RecoverOptions {
  now?: () => Date;
}

export async function runRecover(args: string[], io: CliIo = processIo(), options: RecoverOptions = {}): Promise<number> {
  const parsed = parseCommandArgs(RECOVER_COMMAND, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const dataDir = resolve(io.cwd, values.data ?? defaultDataDir());
  if (!isDirectory(dataDir)) {
    io.err(`triangulate recover: the data folder ${dataDir} does not exist (pass --data DIR)`);
    return 1;
  }

  let lock;
  try {
    lock = await acquireDataFolderLock(dataDir);
  } catch (error) {
    io.err(`triangulate recover: ${error instanceof DataFolderLockedError ? error.message : oneLine(error)}`);
    return 1;
  }
  try {
    return await recover(dataDir, values, io, options.now ?? (() => new Date()));
  } catch (error) {
    io.err(`triangulate recover: ${oneLine(error)}`);
    return 1;
  } finally {
    await lock.release();
  }
}

export const recoverCommand: CliCommand = {
  summary: 'Restore damaged data files from the rolling backups',
  run: (args, io) => runRecover(args, io),
};

interface RecoverFlags {
  backup?: string;
  all?: boolean;
  list?: boolean;
}

async function recover(dataDir: string, flags: RecoverFlags, io: CliIo, now: () => Date): Promise<number> {
  const backups = await listBackups(dataDir);
  await printBackups(dataDir, backups, io);
  let chosen: BackupInfo | undefined;
  if (flags.backup !== undefined) {
    chosen = backups.find((b) => b.name === flags.backup);
    if (!chosen) {
      io.err(`triangulate recover: there is no backup "${flags.backup}" in ${join(dataDir, 'backups')}`);
      return 1;
    }
  }

  const { damaged, index } = await findDamagedFiles(dataDir);
  if (damaged.length === 0) io.out(`No damaged files in ${dataDir}.`);
  else {
    io.out(`Damaged files in ${dataDir}:`);
    for (const d of damaged) io.out(`  ${d.file} ${d.problem}`);
  }
  const orphans = index ? await findOrphanTexts(dataDir, index) : [];
  if (orphans.length > 0) {
    io.out(`Texts no article lists (left by an import cut short):`);
    for (const file of orphans) io.out(`  ${file}`);
  }
  if (flags.list) return 0;
  if (damaged.length === 0 && !flags.all) {
    // Only what is not listed as damaged may still need setting aside: counts.json (derived data), orphan texts.
    printSetAside(dataDir, await recoverDataFolder(dataDir, { now, backup: chosen }), io);
    return 0;
  }
  if (flags.all) {
    const backup = chosen ?? backups[0];
    if (!backup) {
      io.err('triangulate recover: there is no backup to restore.');
      return 1;
    }
    return restoreWholeBackup(dataDir, backup, io, now);
  }

  const report = await recoverDataFolder(dataDir, { now, backup: chosen });
  for (const { file } of damaged) {
    const restored = report.restored.find((r) => r.file === file);
    const movedAside = report.quarantined.find((q) => q.startsWith(`quarantine/${file}.`));
    if (!restored && movedAside) {
      io.out(
        `${file}: no backup${chosen ? ` ${chosen.name}` : ''} holds a good copy, and it is not a readable file; ` +
          `moved to ${join(dataDir, ...movedAside.split('/'))} so Triangulate opens without it.`,
      );
      continue;
    }
    if (!restored) {
      io.out(
        `${file}: no backup${chosen ? ` ${chosen.name}` : ''} holds a good copy; left as it is. ` +
          'Triangulate cannot open the folder while it is damaged: move it aside by hand to go on without it (what it holds is then lost).',
      );
      continue;
    }
    io.out(
      `${file}: restored from backup ${restored.fromBackup}. Changes after ${readableTime(new Date(restored.backupTime))} to ${file} may be lost` +
        (restored.keptAs ? `; the damaged file is kept as ${join(dataDir, ...restored.keptAs.split('/'))}.` : '.'),
    );
  }
  printSetAside(dataDir, report, io);
  const failed = report.unrecoverable.length;
  const after = await findDamagedFiles(dataDir);
  if (after.damaged.length === 0) io.out(`${dataDir} is readable again.`);
  return failed > 0 || after.damaged.length > 0 ? 1 : 0;
}

/** Lines for what a recovery moved aside besides damaged files: counts.json, orphan texts. */
function printSetAside(dataDir: string, report: RecoveryReport, io: CliIo): void {
  const shown = (q: string) => join(dataDir, ...q.split('/'));
  const counts = report.quarantined.find((q) => q.startsWith(`quarantine/${COUNTS_FILE}.`));
  if (counts) io.out(`${COUNTS_FILE} was damaged: moved to ${shown(counts)}; the counts are made again from the annotations.`);
  const restored = new Set(report.restored.map((r) => r.keptAs));
  for (const q of report.quarantined) {
    if (!q.startsWith('quarantine/texts/') || restored.has(q)) continue;
    const file = q.slice('quarantine/'.length).replace(/\.json\..*$/, '.json');
    io.out(`${file}: no article lists it (an import cut short); moved to ${shown(q)}.`);
  }
}

async function printBackups(dataDir: string, backups: readonly BackupInfo[], io: CliIo): Promise<void> {
  if (backups.length === 0) {
    io.out(`No backups in ${join(dataDir, 'backups')}.`);
    return;
  }
  io.out(`Backups in ${join(dataDir, 'backups')} (newest first):`);
  for (const backup of backups) {
    const files = await listDataFiles(backup.dir);
    io.out(`  ${backup.name}  ${readableTime(backup.time)}  ${cliCount(files.length, 'file')}`);
  }
}

async function restoreWholeBackup(dataDir: string, backup: BackupInfo, io: CliIo, now: () => Date): Promise<number> {
  const check = await findDamagedFiles(backup.dir);
  const bad = new Set(check.damaged.map((d) => d.file));
  if (bad.has('index.json') || !check.index) {
    io.err(`triangulate recover: backup ${backup.name} has no good index.json; choose another with --backup NAME.`);
    return 1;
  }
  const stamp = now();
  const restored: string[] = [];
  const movedAside: string[] = [];
  const liveFiles = await listDataFiles(dataDir);
  const backupFiles = check.checked.filter((f) => !bad.has(f));
  for (const file of backupFiles) {
    const contents = await readFile(join(backup.dir, ...file.split('/')), 'utf8');
    const live = await readFile(join(dataDir, ...file.split('/')), 'utf8').catch(() => null);
    if (live === contents) continue;
    await putBack(dataDir, file, contents, stamp);
    restored.push(file);
  }
  for (const file of liveFiles) {
    if (backupFiles.includes(file)) continue;
    await quarantineCorruptFile(dataDir, file, { now: stamp });
    movedAside.push(file);
  }
  for (const file of bad) io.out(`${file}: the copy in backup ${backup.name} is damaged (${check.damaged.find((d) => d.file === file)!.problem}); left out.`);
  io.out(
    `Restored backup ${backup.name}: ${restored.length} files put back` +
      (movedAside.length ? `, ${movedAside.length} files that the backup does not have moved to quarantine/` : '') +
      '. Every file that was replaced or moved is kept in quarantine/.',
  );
  for (const file of [...restored, ...movedAside].sort()) io.out(`  changes after ${readableTime(backup.time)} to ${file} may be lost`);
  return 0;
}

function readableTime(time: Date): string {
  return `${time.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
