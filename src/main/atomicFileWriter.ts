/**
 * A file written piece by piece that replaces its target only when complete:
 * the pieces go (buffered) to a temporary file in the same folder, which is
 * flushed and renamed over the target on `commit`; `abort` (or any failure)
 * removes it and leaves the target as it was. For exports too large to hold
 * in memory as one string.
 */
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { syncDirectory, tempPathFor } from './durableRename';

/** Bytes gathered before one write to the file. */
const BUFFER_CHARS = 1 << 20;

export interface AtomicFileWriter {
  write(text: string): Promise<void>;
  /** Bytes as they are (after what was written before). */
  writeBytes(bytes: Uint8Array): Promise<void>;
  /** Flushes and puts the file in place of the target. */
  commit(): Promise<void>;
  /** Removes the temporary file; the target is left as it was. */
  abort(): Promise<void>;
}

export async function openAtomicFile(filePath: string): Promise<AtomicFileWriter> {
  const target = resolve(filePath);
  const dir = dirname(target);
  const temp = tempPathFor(target);
  const handle: FileHandle = await open(temp, 'wx');
  let pending = '';
  let closed = false;
  const flush = async (): Promise<void> => {
    if (pending === '') return;
    const chunk = pending;
    pending = '';
    await handle.write(chunk, null, 'utf8');
  };
  const abort = async (): Promise<void> => {
    if (!closed) {
      closed = true;
      await handle.close().catch(() => undefined);
    }
    await rm(temp, { force: true }).catch(() => undefined);
  };
  return {
    async write(text) {
      pending += text;
      if (pending.length >= BUFFER_CHARS) await flush();
    },
    async writeBytes(bytes) {
      await flush();
      await handle.write(bytes);
    },
    async commit() {
      try {
        await flush();
        await handle.sync();
        closed = true;
        await handle.close();
        await rename(temp, target);
      } catch (error) {
        await abort();
        throw error;
      }
      await syncDirectory(dir);
    },
    abort,
  };
}
