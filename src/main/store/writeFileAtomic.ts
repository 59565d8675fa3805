/**
 * Replaces a file's contents atomically and durably: the new contents go to a
 * temporary file in the same folder, which is flushed to disk and renamed
 * over the target, then the folder itself is flushed. A reader (or a crash)
 * sees the old file or the new one, never half of either. Writes to the same
 * path are queued, so they never interleave and the last one wins. Large
 * contents may come as parts (an iterable of strings, made as they are
 * written): each is encoded and written in a task of its own, so a 12 MB
 * text does not hold the event loop while it is turned into bytes.
 */
import * as nodeFs from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { syncDirectory, tempPathFor } from './durableRename';
import { KeyedQueue } from './keyedQueue';

/** The parts of node:fs/promises used here; tests pass a failing one. */
export type AtomicWriteFs = Pick<typeof nodeFs, 'open' | 'rename' | 'rm'>;

const queue = new KeyedQueue();

/** The file's contents: one string, or its parts in order. */
export type FileContents = string | Iterable<string>;

export function writeFileAtomic(filePath: string, contents: FileContents, fs: AtomicWriteFs = nodeFs): Promise<void> {
  const target = resolve(filePath);
  return queue.run(target, () => replace(target, contents, fs));
}

async function replace(target: string, contents: FileContents, fs: AtomicWriteFs): Promise<void> {
  const dir = dirname(target);
  const temp = tempPathFor(target);
  try {
    const handle = await fs.open(temp, 'wx');
    try {
      if (typeof contents === 'string') await handle.writeFile(contents, 'utf8');
      // Each part written after the one before (a file handle's writeFile goes on from where the last write ended).
      else for (const part of contents) await handle.writeFile(part, 'utf8');
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
