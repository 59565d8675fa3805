/**
 * Reads a file the user asked to import, bounded: only a regular file is
 * read (a symlink is followed only when it leads to one); a directory, a
 * device (/dev/zero, /dev/urandom), a named pipe or a socket is refused by
 * what it is. The size the file system reports is not trusted (it is 0 for
 * devices, pipes and /proc files): at most `limit` + 1 bytes are read, and a
 * file that has more is refused as too large. The file is opened without
 * blocking (a pipe that appears between the check and the open cannot hang
 * the read) and checked again on the open handle.
 */
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

export type RegularFileRead = { ok: true; bytes: Buffer } | { ok: false; reason: string };

export interface ReadRegularFileOptions {
  /** Most bytes accepted. */
  limit: number;
  /** The reason given when the file holds more than `limit` bytes (default: "it is larger than N bytes"). */
  tooLarge?: (bytesSeen: number) => string;
}

/** Chunk read at a time once the size the file had is read. */
const CHUNK = 1024 * 1024;

export async function readRegularFile(path: string, options: ReadRegularFileOptions): Promise<RegularFileRead> {
  const tooLarge = options.tooLarge ?? ((n: number) => `it is larger than ${options.limit} bytes (${n} bytes or more)`);
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    return { ok: false, reason: `cannot be read: ${messageOf(error)}` };
  }
  const notRegular = notRegularReason(info);
  if (notRegular) return { ok: false, reason: notRegular };
  if (info.size > options.limit) return { ok: false, reason: tooLarge(info.size) };

  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, reason: `cannot be read: ${messageOf(error)}` };
  }
  try {
    // What was opened may not be what was looked at (a file swapped meanwhile).
    const info = await handle.stat();
    const opened = notRegularReason(info);
    if (opened) return { ok: false, reason: opened };
    const chunks: Buffer[] = [];
    let total = 0;
    let short = false;
    for (;;) {
      // The size it has now and one byte more first (a file that grows meanwhile is read on); after a short read
      // (the end, for a regular file) a small look for more. A megabyte a read for a 100 KB page was 2 MB of
      // memory outside the heap a file, and a collection every few files to account for it.
      const next = total === 0 ? info.size + 1 : short ? 4096 : CHUNK;
      const want = Math.min(next, options.limit + 1 - total);
      if (want <= 0) break;
      const buffer = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(buffer, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      short = bytesRead < want;
    }
    if (total > options.limit) return { ok: false, reason: tooLarge(total) };
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return { ok: false, reason: `cannot be read: ${messageOf(error)}` };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Why something that is not a regular file is not read; null for a regular file. */
export function notRegularReason(info: Stats): string | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return 'it is a folder, not a file';
  if (info.isCharacterDevice()) return 'it is a device (such as /dev/zero), not a regular file; only regular files are imported';
  if (info.isBlockDevice()) return 'it is a disk device, not a regular file; only regular files are imported';
  if (info.isFIFO()) return 'it is a named pipe (FIFO), not a regular file; only regular files are imported';
  if (info.isSocket()) return 'it is a socket, not a regular file; only regular files are imported';
  return 'it is not a regular file; only regular files are imported';
}

function messageOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'its symbolic links go round in a loop';
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
