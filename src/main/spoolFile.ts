/**
 * A scratch file beside an export: text is written to it (buffered) while
 * something that must come first in the export (a count) is still unknown,
 * then copied into the export and removed. One pass over the library instead
 * of two, with memory holding only a buffer.
 */
import { randomUUID } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { AtomicFileWriter } from './atomicFileWriter';

const BUFFER_CHARS = 1 << 20;
const COPY_BYTES = 1 << 20;

export interface SpoolFile {
  write(text: string): Promise<void>;
  /** Copies everything written into `out`, then removes the scratch file. */
  drainInto(out: AtomicFileWriter): Promise<void>;
  /** Removes the scratch file (after a failure). */
  remove(): Promise<void>;
}

export async function openSpoolFile(besideFile: string): Promise<SpoolFile> {
  const target = resolve(besideFile);
  const path = join(dirname(target), `.${basename(target)}.${randomUUID().slice(0, 8)}.spool`);
  const handle = await open(path, 'wx+');
  let pending = '';
  let closed = false;
  const flush = async () => {
    if (pending === '') return;
    const chunk = pending;
    pending = '';
    await handle.write(chunk, null, 'utf8');
  };
  const remove = async () => {
    if (!closed) {
      closed = true;
      await handle.close().catch(() => undefined);
    }
    await rm(path, { force: true }).catch(() => undefined);
  };
  return {
    async write(text) {
      pending += text;
      if (pending.length >= BUFFER_CHARS) await flush();
    },
    async drainInto(out) {
      await flush();
      const buffer = Buffer.allocUnsafe(COPY_BYTES);
      for (let position = 0; ; ) {
        const { bytesRead } = await handle.read(buffer, 0, COPY_BYTES, position);
        if (bytesRead === 0) break;
        await out.writeBytes(buffer.subarray(0, bytesRead));
        position += bytesRead;
      }
      await remove();
    },
    remove,
  };
}
