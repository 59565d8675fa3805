/**
 * Reads one entry of a data folder (index.json, links.json, counts.json, a
 * text or annotation file, or the same in a backup) only when it is what a
 * data file must be: a regular file. A symbolic link is never followed (the
 * data would then live, or be read from, somewhere else: a /dev/zero behind
 * a link would be read forever); a folder, device, named pipe or socket
 * where a data file belongs, or a file that cannot be read, is damaged, and
 * the answer says how, as the end of a sentence "<file> …", without quoting
 * anything the entry holds. Opened with O_NOFOLLOW and O_NONBLOCK and
 * checked on the open handle, so an entry swapped meanwhile is caught too.
 */
import { constants, fstatSync, lstatSync, openSync, closeSync, readFileSync, type Stats } from 'node:fs';
import { lstat, open } from 'node:fs/promises';

export type DataEntryRead =
  | { state: 'missing' }
  | { state: 'damaged'; problem: string }
  | { state: 'ok'; bytes: Buffer };

const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

export async function readDataEntry(path: string): Promise<DataEntryRead> {
  if (constants.O_NOFOLLOW === undefined) {
    // No O_NOFOLLOW (Windows): a look at the entry itself first.
    const info = await lstat(path).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (info instanceof Error) return failed(info);
    const problem = entryProblem(info);
    if (problem) return { state: 'damaged', problem };
  }
  let handle;
  try {
    handle = await open(path, FLAGS);
  } catch (error) {
    return failed(error);
  }
  try {
    const problem = entryProblem(await handle.stat());
    if (problem) return { state: 'damaged', problem };
    return { state: 'ok', bytes: await handle.readFile() };
  } catch (error) {
    return failed(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Like readDataEntry, at once (for reading thousands of small files in a row). */
export function readDataEntrySync(path: string): DataEntryRead {
  let fd: number;
  try {
    if (constants.O_NOFOLLOW === undefined) {
      const problem = entryProblem(lstatSync(path));
      if (problem) return { state: 'damaged', problem };
    }
    fd = openSync(path, FLAGS);
  } catch (error) {
    return failed(error);
  }
  try {
    const problem = entryProblem(fstatSync(fd));
    if (problem) return { state: 'damaged', problem };
    return { state: 'ok', bytes: readFileSync(fd) };
  } catch (error) {
    return failed(error);
  } finally {
    closeSync(fd);
  }
}

/** Why an entry (as lstat or fstat sees it) is not a data file; null for a regular file. */
export function entryProblem(info: Stats): string | null {
  if (info.isFile()) return null;
  if (info.isSymbolicLink()) return 'is a symbolic link, not a regular file (data files are never read through links)';
  if (info.isDirectory()) return 'is a folder, not a file';
  if (info.isFIFO()) return 'is a named pipe (FIFO), not a regular file';
  if (info.isSocket()) return 'is a socket, not a regular file';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'is a device, not a regular file';
  return 'is not a regular file';
}

/** Why reading failed, as the end of a sentence "<file> …" (null when the entry is simply not there). */
export function readErrorProblem(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return null;
    case 'ELOOP':
      return 'is a symbolic link, not a regular file (data files are never read through links)';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read (permission denied)';
    case 'ENOTDIR':
      return 'cannot be read (a file stands where its folder should be)';
    default:
      return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

function failed(error: unknown): DataEntryRead {
  const problem = readErrorProblem(error);
  return problem === null ? { state: 'missing' } : { state: 'damaged', problem };
}
