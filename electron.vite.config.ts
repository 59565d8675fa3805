import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { linkedomLazyListeners } from './scripts/linkedomLazyListeners';

// Three targets: the Node side (Electron main process, plus the browser host
// and the CLI, which share the same core), the sandboxed preload (CommonJS, as
// sandboxed preloads must be), and the React renderer.
export default defineConfig({
  main: {
    // linkedom's nodes no longer make an empty listener Map each (see scripts/linkedomLazyListeners.ts).
    plugins: [linkedomLazyListeners()],
    build: {
      outDir: 'out/main',
      // zod is bundled: loaded from its ~100 module files it alone took a fifth of the host's start. So are the HTML
      // readers (linkedom, htmlparser2, Readability): each import worker loaded their ~150 files for its first page
      // (~650 CPU ms a worker; ~370 from one chunk).
      externalizeDeps: { exclude: ['zod', 'linkedom', 'htmlparser2', '@mozilla/readability'] },
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          host: resolve('src/host/serve.ts'),
          cli: resolve('src/main/cli/cli.ts'),
          // Worker thread entry for large alignments (see src/main/alignment/alignWorkerFile.ts).
          alignWorker: resolve('src/main/alignment/alignWorker.ts'),
          // Worker thread entry that parses imported files under a memory cap and a time limit (src/main/import/importWorkerFile.ts).
          importWorker: resolve('src/main/import/importWorker.ts'),
          // Worker thread entry that detects the quotes of texts read from the data folder (src/main/quotes/quotesWorkerFile.ts).
          quotesWorker: resolve('src/main/quotes/quotesWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
