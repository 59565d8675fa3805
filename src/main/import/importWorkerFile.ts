/**
 * Where the built import worker (importWorker.js, see importWorker.ts) is:
 * found the way the alignment worker is (next to the built module asking,
 * or one folder up from a chunk). Null in the source layout (tests), where
 * files are read in-process unless a test builds the worker.
 */
import { builtWorkerFile, type AlignWorkerFileOptions } from '../alignment/alignWorkerFile';

export const IMPORT_WORKER_FILE_NAME = 'importWorker.js';

export function importWorkerFile(options: AlignWorkerFileOptions = {}): string | null {
  return builtWorkerFile(IMPORT_WORKER_FILE_NAME, options);
}
