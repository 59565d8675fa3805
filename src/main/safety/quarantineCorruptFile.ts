/**
 * Puts a damaged file of a data folder aside, never deleting it: copies it to
 * `<dataDir>/quarantine/<relative path>.<time>` (flushed to disk), then either
 * replaces the original atomically with `replaceWith` (a good copy from a
 * backup), so there is no moment without the file, or, with no replacement,
 * removes the original (it now lives in the quarantine).
 */
import { constants } from 'node:fs';
import { copyFile, mkdir, open, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { backupName } from './listBackups';
import { writeFileAtomic } from '../store/writeFileAtomic';

export interface QuarantineOptions {
  /** The contents that take the damaged file's place. */
  replaceWith?: string;
  now?: Date;
}

export function quarantineDir(dataDir: string): string {
  return join(dataDir, 'quarantine');
}

/** Returns where the damaged file was put. */
export async function quarantineCorruptFile(dataDir: string, relPath: string, options: QuarantineOptions = {}): Promise<string> {
  const original = join(dataDir, ...relPath.split('/'));
  const base = join(quarantineDir(dataDir), ...relPath.split('/'));
  await mkdir(dirname(base), { recursive: true });
  const stamp = backupName(options.now ?? new Date());
  let aside = `${base}.${stamp}`;
  for (let n = 2; ; n++) {
    try {
      await copyFile(original, aside, constants.COPYFILE_EXCL);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n > 100) throw error;
      aside = `${base}.${stamp}-${n}`;
    }
  }
  const handle = await open(aside, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (options.replaceWith !== undefined) await writeFileAtomic(original, options.replaceWith);
  else await unlink(original);
  return aside;
}
