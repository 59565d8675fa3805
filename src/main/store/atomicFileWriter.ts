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
const BUFFER_BYTES = 1 << 20;
/** UTF-8 takes at most three bytes per UTF-16 code unit. */
const MAX_BYTES_PER_CHAR = 3;

export interface AtomicFileWriter {
  write(text: string): Promise<void>;
  /** Binary content (a zip), after whatever text was written. */
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
  // Pieces are encoded straight into one reused buffer: no long strings are built and flattened.
  const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  let used = 0;
  let closed = false;
  const flush = async (): Promise<void> => {
    for (let offset = 0; offset < used; ) offset += (await handle.write(buffer, offset, used - offset)).bytesWritten;
    used = 0;
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
      if (used + text.length * MAX_BYTES_PER_CHAR > BUFFER_BYTES) await flush();
      if (text.length * MAX_BYTES_PER_CHAR > BUFFER_BYTES) await handle.write(text, null, 'utf8');
      else used += buffer.write(text, used, 'utf8');
    },
    async writeBytes(bytes) {
      await flush();
      for (let offset = 0; offset < bytes.length; ) offset += (await handle.write(bytes, offset, bytes.length - offset)).bytesWritten;
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
