/**
 * Puts a damaged file of a data folder aside, never deleting it: copies it to
 * `<dataDir>/quarantine/<relative path>.<time>` (flushed to disk), then either
 * replaces the original atomically with `replaceWith` (a good copy from a
 * backup), so there is no moment without the file, or, with no replacement,
 * removes the original (it now lives in the quarantine). An entry that is
 * not a readable regular file (a folder, a symbolic link, a pipe, a file
 * without read permission) is moved into the quarantine as it is: nothing
 * is read through it, and nothing that cannot be read is ever deleted.
 */
import { constants } from 'node:fs';
import { copyFile, lstat, mkdir, open, rename, unlink } from 'node:fs/promises';
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
  const info = await lstat(original);
  if (!info.isFile() || !(await canRead(original))) {
    // A folder, a link, a pipe, a file we may not read: moved aside as it is, never read, copied or deleted.
    const aside = await freeName(base, stamp);
    await rename(original, aside);
    if (options.replaceWith !== undefined) await writeFileAtomic(original, options.replaceWith);
    return aside;
  }
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

/** `<base>.<stamp>`, or with "-2", "-3"… when that is taken. */
async function freeName(base: string, stamp: string): Promise<string> {
  for (let n = 1; n <= 100; n++) {
    const candidate = n === 1 ? `${base}.${stamp}` : `${base}.${stamp}-${n}`;
    const taken = await lstat(candidate).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    if (!taken) return candidate;
  }
  throw new Error(`no free name in quarantine/ for ${base}`);
}

/** Whether the regular file can be opened for reading (without following a link swapped in meanwhile). */
async function canRead(path: string): Promise<boolean> {
  try {
    const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    await handle.close();
    return true;
  } catch {
    return false;
  }
}
