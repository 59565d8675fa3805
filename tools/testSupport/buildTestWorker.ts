/**
 * Builds a worker entry of the core (e.g. src/main/alignment/alignWorker.ts)
 * the way the app's build bundles it, into a folder inside
 * node_modules/.cache (so it finds its packages as the built app does), for
 * tests that run it in a real worker thread. Returns the built file and a
 * function that removes the folder.
 */
import * as fs from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `entry`: the worker's source file, relative to the project's root. */
export async function buildTestWorker(entry: string): Promise<{ workerFile: string; remove: () => Promise<void> }> {
  const name = basename(entry).replace(/\.ts$/, '');
  await fs.mkdir(join(ROOT, 'node_modules', '.cache'), { recursive: true });
  const workerDir = await fs.mkdtemp(join(ROOT, 'node_modules', '.cache', `${name}-`));
  await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      ssr: resolve(ROOT, entry),
      outDir: workerDir,
      emptyOutDir: true,
      rollupOptions: { output: { format: 'es', entryFileNames: `${name}.mjs`, inlineDynamicImports: true } },
    },
  });
  return { workerFile: join(workerDir, `${name}.mjs`), remove: () => fs.rm(workerDir, { recursive: true, force: true }) };
}
