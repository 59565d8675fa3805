/**
 * Where the built alignment worker (alignWorker.js) is: next to the built
 * module asking (out/main/), or one folder up when that module sits in a
 * chunk folder (out/main/chunks/). Null when there is none — in the source
 * layout (tests) the worker is not built, and alignment runs in-process.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AlignWorkerFileOptions {
  /** URL of the module asking; defaults to this module's. */
  moduleUrl?: string;
  exists?: (path: string) => boolean;
}

export const ALIGN_WORKER_FILE_NAME = 'alignWorker.js';

export function alignWorkerFile(options: AlignWorkerFileOptions = {}): string | null {
  return builtWorkerFile(ALIGN_WORKER_FILE_NAME, options);
}

/** The same search for any built worker entry (the import worker too): next to the asking module, or one folder up. */
export function builtWorkerFile(fileName: string, options: AlignWorkerFileOptions = {}): string | null {
  const exists = options.exists ?? existsSync;
  const here = dirname(fileURLToPath(options.moduleUrl ?? import.meta.url));
  const candidates = [join(here, fileName), join(here, '..', fileName)];
  return candidates.find((file) => exists(file)) ?? null;
}
