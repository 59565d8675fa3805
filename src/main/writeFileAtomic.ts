/**
 * Replaces a file's contents atomically and durably: the new contents go to a
 * temporary file in the same folder, which is flushed to disk and renamed
 * over the target, then the folder itself is flushed. A reader (or a crash)
 * sees the old file or the new one, never half of either. Writes to the same
 * path are queued, so they never interleave and the last one wins.
 */
import { randomUUID } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { KeyedQueue } from './keyedQueue';

/** The parts of node:fs/promises used here; tests pass a failing one. */
export type AtomicWriteFs = Pick<typeof nodeFs, 'open' | 'rename' | 'rm'>;

const queue = new KeyedQueue();

export function writeFileAtomic(filePath: string, contents: string, fs: AtomicWriteFs = nodeFs): Promise<void> {
  const target = resolve(filePath);
  return queue.run(target, () => replace(target, contents, fs));
}

async function replace(target: string, contents: string, fs: AtomicWriteFs): Promise<void> {
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(contents, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir, fs);
}

/** Makes the rename itself durable. Some platforms (Windows) cannot open a folder; there it is skipped. */
async function syncDirectory(dir: string, fs: AtomicWriteFs): Promise<void> {
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
