import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignPassages } from '../../shared/alignment/alignPassages';
import { canonicalArticleText } from '../../shared/model/canonicalText';
import { ALIGN_CANCELLED, alignFolderInWorker, runAlignWorker } from './runAlignWorker';
import { listStoredArticles } from '../store/listStoredArticles';
import { createCore } from '../core/createCore';
import { AlignmentIndex } from './alignmentIndex';
import { buildTestWorker } from '../../../tools/testSupport/buildTestWorker';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

// The worker entry is built the way the app's build bundles it, then run in a real worker thread.
let dir: string;
let workerFile: string;
let removeWorker: () => Promise<void>;
beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-align-worker-'));
  ({ workerFile, remove: removeWorker } = await buildTestWorker('src/main/alignment/alignWorker.ts'));
}, 60_000);
afterAll(async () => {
  await removeWorker();
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

  it('stops the worker at once when cancelled, with a message saying so', async () => {
    const dataDir = join(dir, 'cancelled-library');
    const core = await createCore({ dataDir, corpusDir: join(ROOT, 'corpus'), creator: 'ana' });
    await core.close();
    const controller = new AbortController();
    const run = alignFolderInWorker(workerFile, dataDir, await listStoredArticles(dataDir), { signal: controller.signal });
    controller.abort();
    await expect(run).rejects.toThrow(ALIGN_CANCELLED);
  });

  it('reads a data folder itself and gives the groups alignPassages gives over the library read through the core', async () => {
    const dataDir = join(dir, 'folder-library');
    const core = await createCore({ dataDir, corpusDir: join(ROOT, 'corpus'), creator: 'ana' });
    const { rows } = await core.listArticlesWindow({ offset: 0, limit: 1000 });
    const articles = await Promise.all(rows.map(async (row) => core.getArticle({ id: row.id })));
    await core.close();
    const phases: string[] = [];
    const groups = await alignFolderInWorker(workerFile, dataDir, await listStoredArticles(dataDir), { indexDataDir: dataDir, onProgress: (phase, done, total) => phases.push(`${phase} ${done}/${total}`) });
    expect(groups.length).toBeGreaterThan(0);
    expect(groups).toEqual(alignPassages(articles.map(({ id, text }) => ({ id, text }))));
    expect(phases).toEqual(expect.arrayContaining(['reading 5/5', 'passages 1/1', 'quotes 1/1', 'grouping 1/1', 'indexing 5/5']));
    const index = await AlignmentIndex.open(dataDir);
    expect(index.size).toBe(5);
    // The index the next import is looked up in: an article's text finds the others sharing its passages.
    expect(await index.candidates(articles[1]!.text, (id) => id !== articles[1]!.id, 50)).not.toEqual([]);
    await index.close();

    // A text changed behind the library's back: the run stops and names the file.
    const file = join(dataDir, 'texts', `${articles[2]!.id}.json`);
    const stored = JSON.parse(await fs.readFile(file, 'utf8')) as { text: string };
    await fs.writeFile(file, JSON.stringify({ ...stored, text: `${stored.text}!` }));
    await expect(alignFolderInWorker(workerFile, dataDir, await listStoredArticles(dataDir))).rejects.toThrow(`The alignment failed: The text of article "${articles[2]!.id}" is damaged: ${file} does not match the hash recorded in index.json`);
  }, 30_000);
});
