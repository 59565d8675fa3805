/**
 * The rolling backups of a data folder, newest first. Each is a folder
 * `<dataDir>/backups/<time>` named after the moment it was made, an ISO
 * timestamp with "-" for ":" (allowed in file names everywhere), e.g.
 * 2024-05-01T12-30-00.000Z; a suffix "-2", "-3" … parts two made in the same
 * millisecond. Folders being written (".partial-…") and anything else are
 * left out.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface BackupInfo {
  /** The folder's name, e.g. 2024-05-01T12-30-00.000Z */
  name: string;
  /** Its absolute path. */
  dir: string;
  /** When it was made. */
  time: Date;
}

const NAME = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2}(?:\.\d{3})?)Z(?:-(\d+))?$/;

export function backupsDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

/** The folder name for a backup made at `time` (without the same-millisecond suffix). */
export function backupName(time: Date): string {
  return time.toISOString().replace(/:/g, '-');
}

/** The time a backup folder's name stands for; null when the name is not one. */
export function backupTime(name: string): Date | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const time = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`);
  return Number.isNaN(time.getTime()) ? null : time;
}

export async function listBackups(dataDir: string): Promise<BackupInfo[]> {
  const root = backupsDir(dataDir);
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const backups: (BackupInfo & { order: number })[] = [];
  for (const entry of entries) {
    const time = entry.isDirectory() ? backupTime(entry.name) : null;
    if (time) backups.push({ name: entry.name, dir: join(root, entry.name), time, order: Number(NAME.exec(entry.name)![5] ?? 1) });
  }
  return backups
    .sort((a, b) => b.time.getTime() - a.time.getTime() || b.order - a.order)
    .map(({ order: _order, ...info }) => info);
}
