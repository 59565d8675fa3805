/**
 * Builds the import worker (src/main/import/importWorker.ts) the way the
 * app's build bundles it (see buildTestWorker), for tests that run it in a
 * real worker thread.
 */
import { buildTestWorker } from './buildTestWorker';

export function buildImportWorker(): Promise<{ workerFile: string; remove: () => Promise<void> }> {
  return buildTestWorker('src/main/import/importWorker.ts');
}
