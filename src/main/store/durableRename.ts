/**
 * The two halves every atomic replacement of a file shares: the temporary
 * file it is written to first (`.<name>.<8 hex>.tmp` in the target's folder,
 * the pattern removeStaleTempFiles clears after a crash), and flushing the
 * folder after the rename so the rename itself survives a crash.
 */
import { randomUUID } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A new temporary file name beside `target` (an absolute path). */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomUUID().slice(0, 8)}.tmp`);
}

/** Makes a rename in `dir` durable. Some platforms (Windows) cannot open a folder; there it is skipped. */
export async function syncDirectory(dir: string, fs: Pick<typeof nodeFs, 'open'> = nodeFs): Promise<void> {
  let handle: nodeFs.FileHandle;
  try {
    handle = await fs.open(dir, 'r');
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch {
    // EINVAL/EPERM on file systems that cannot flush a folder: the rename has happened either way.
  } finally {
    await handle.close();
  }
}
