import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The crash-safety proof is built apart from the app (to out/tools, which no
// installer ships): the stress writer the loop kills, and the loop itself
// (`npm run stress:kill`, and the short run in the e2e suite).
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/tools',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      input: {
        stressWriter: resolve(import.meta.dirname, 'stressWriter.ts'),
        runKillLoop: resolve(import.meta.dirname, 'runKillLoop.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
