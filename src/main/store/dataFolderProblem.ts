/**
 * Whether a per-article folder of the data folder (texts/, annotations/) is
 * what it must be: a real folder Triangulate may read and write. A symbolic
 * link is never followed (the data would then live, or be read from,
 * somewhere else), and a file, a pipe or a folder without permission where
 * the folder belongs is damage the health check reports and recovery moves
 * to quarantine/. The answer ends a sentence "texts/ …", quoting nothing.
 */
import { constants } from 'node:fs';
import { access, lstat } from 'node:fs/promises';
import { join } from 'node:path';

/** Why `<dataDir>/<folder>` is not a usable folder, or null (a missing one is fine: it is made when needed). */
export async function dataFolderProblem(dataDir: string, folder: string): Promise<string | null> {
  const path = join(dataDir, folder);
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    return code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? String(error)})`;
  }
  if (info.isSymbolicLink()) return 'is a symbolic link, not a folder (data is never read through links)';
  if (info.isFile()) return 'is a file, not a folder';
  if (!info.isDirectory()) return 'is not a folder (a pipe, socket or device stands where it belongs)';
  try {
    await access(path, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch {
    return 'cannot be read or written (permission denied)';
  }
  return null;
}
