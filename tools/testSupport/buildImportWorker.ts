/**
 * Builds the import worker (src/main/import/importWorker.ts) the way the
 * app's build bundles it, into a folder inside node_modules/.cache (so it
 * finds its packages as the built app does), for tests that run it in a real
 * worker thread. Returns the file and a function that removes the folder.
 */
import * as fs from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function buildImportWorker(): Promise<{ workerFile: string; remove: () => Promise<void> }> {
  await fs.mkdir(join(ROOT, 'node_modules', '.cache'), { recursive: true });
  const workerDir = await fs.mkdtemp(join(ROOT, 'node_modules', '.cache', 'import-worker-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      ssr: resolve(ROOT, 'src/main/import/importWorker.ts'),
      outDir: workerDir,
      emptyOutDir: true,
      rollupOptions: { output: { format: 'es', entryFileNames: 'importWorker.mjs', inlineDynamicImports: true } },
    },
  });
  return { workerFile: join(workerDir, 'importWorker.mjs'), remove: () => fs.rm(workerDir, { recursive: true, force: true }) };
}
