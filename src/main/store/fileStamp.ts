/**
 * A file's stamp: what changes whenever its bytes may have — its inode,
 * size, and modification and change times in ns — looked at without
 * following a link. Derived data that remembers something per file (the
 * health check's verdicts, a backup's manifest of what it holds) looks again
 * only at a file whose stamp changed: a save writes a new file and renames it
 * into place (a new inode), a write in place changes both times, and a
 * modification time set back by hand (touch, a copy keeping times) still
 * changes the change time, which no program can set. Anything but a regular
 * file (missing, a link, a folder, a pipe, unreadable) has no stamp: it is
 * looked at, and judged, every time.
 */
import { lstatSync, type BigIntStats } from 'node:fs';
import { lstat } from 'node:fs/promises';

export interface FileStamp {
  /** `inode:size:mtimeNs:ctimeNs`. */
  stamp: string;
  /** The file's size in bytes. */
  size: number;
}

/** The stamp of a regular file as `info` (lstat with bigint: true) sees it; null for anything else. */
export function fileStampOf(info: BigIntStats | null | undefined): FileStamp | null {
  if (!info?.isFile()) return null;
  return { stamp: `${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`, size: Number(info.size) };
}

/** The stamp of the file at `path` now; null when it is no regular file or cannot be looked at. */
export async function fileStamp(path: string): Promise<FileStamp | null> {
  return fileStampOf(await lstat(path, { bigint: true }).catch(() => null));
}

/** fileStamp, at once: for 200,000 files in a row (a promise each costs several times the call). */
export function fileStampSync(path: string): FileStamp | null {
  try {
    return fileStampOf(lstatSync(path, { bigint: true, throwIfNoEntry: false }));
  } catch {
    return null;
  }
}
