import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignPassages } from '../../shared/alignment/alignPassages';
import { canonicalArticleText } from '../../shared/model/canonicalText';
import { runAlignWorker } from './runAlignWorker';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

// The worker entry is built here the way the app's build bundles it, then run in a real worker thread.
let dir: string;
let workerFile: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-align-worker-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      ssr: resolve(ROOT, 'src/main/alignment/alignWorker.ts'),
      outDir: dir,
      emptyOutDir: true,
      rollupOptions: { output: { format: 'es', entryFileNames: 'alignWorker.mjs' } },
    },
  });
  workerFile = join(dir, 'alignWorker.mjs');
}, 60_000);
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function seed(id: string): Promise<{ id: string; text: string }> {
  return { id, text: canonicalArticleText(await fs.readFile(join(ROOT, 'corpus', `${id}.txt`), 'utf8')).text };
}

describe('runAlignWorker', () => {
  it('gives the same groups in a worker thread as alignPassages in-process', async () => {
    const articles = [await seed('000_9c2375f696f0b1fa'), await seed('002_38b56a2e379d189f'), await seed('004_fe53cb2bbc3036b3')];
    const groups = await runAlignWorker(workerFile, articles);
    expect(groups.length).toBeGreaterThan(0);
    expect(groups).toEqual(alignPassages(articles));
  });

  it('rejects with a clear message when the worker cannot run', async () => {
    await expect(runAlignWorker(join(dir, 'missing.mjs'), [])).rejects.toThrow(/alignment worker/);
  });
});
