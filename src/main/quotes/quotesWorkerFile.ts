/**
 * Where the built quotes worker (quotesWorker.js) is: beside the built module
 * asking, or one folder up. Null in the source layout (tests), where the
 * texts are detected in-process.
 */
import { builtWorkerFile, type AlignWorkerFileOptions } from '../alignment/alignWorkerFile';

export const QUOTES_WORKER_FILE_NAME = 'quotesWorker.js';

export function quotesWorkerFile(options: AlignWorkerFileOptions = {}): string | null {
  return builtWorkerFile(QUOTES_WORKER_FILE_NAME, { moduleUrl: import.meta.url, ...options });
}
