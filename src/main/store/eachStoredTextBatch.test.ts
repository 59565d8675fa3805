import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCore } from '../core/createCore';
import { eachStoredTextBatch } from './eachStoredTextBatch';
import type { StoredText } from './readStoredText';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));

const dir = useTempDir('triangulate-stored-texts-');

/** The seed library, with a second version of one article's text (a page imported again, changed). */
async function library(): Promise<{ dataDir: string; throughCore: StoredText[] }> {
  const dataDir = join(dir(), 'data');
  const core = await createCore({ dataDir, corpusDir: CORPUS, creator: 'ana' });
  const page = (day: string) =>
    Buffer.from(
      `<!doctype html><html lang="en"><head><title>Council approves budget</title><link rel="canonical" href="https://news.example.org/2026/budget"></head>` +
        `<body><article><h1>Council approves budget</h1><p>The council approved the budget on ${day} after a long debate about schools and roads.</p>` +
        `<p>The opposition called the plan reckless and promised to fight it at the next election.</p></article></body></html>`,
    ).toString('base64');
  await core.importArticles({ files: [{ name: 'budget.html', data: page('Monday') }] });
  const again = await core.importArticles({ files: [{ name: 'budget (updated).html', data: page('Tuesday') }] });
  expect(again.versions).toHaveLength(1);
  const { rows } = await core.listArticlesWindow({ offset: 0, limit: 1000 });
  const throughCore: StoredText[] = [];
  for (const row of rows) {
    const a = await core.getArticle({ id: row.id });
    throughCore.push({ id: a.id, hash: a.hash, version: a.versions?.length ?? 1, text: a.text });
  }
  await core.close();
  return { dataDir, throughCore };
}

// Read with promises (the core's event loop) or synchronously (the alignment worker): the same texts, checked alike.
describe.each([false, true])('eachStoredTextBatch (sync: %s)', (sync) => {
  it('reads every current text straight from the folder, in library order and in batches, as the core gives them', async () => {
    const { dataDir, throughCore } = await library();
    const batches: StoredText[][] = [];
    const total = await eachStoredTextBatch(dataDir, (batch, of) => {
      expect(of).toBe(throughCore.length);
      batches.push(batch);
    }, { batchSize: 2, sync });
    expect(total).toBe(6);
    expect(batches.map((b) => b.length)).toEqual([2, 2, 2]);
    expect(batches.flat()).toEqual(throughCore);
    expect(throughCore.some((t) => t.version === 2 && t.text.includes('Tuesday'))).toBe(true);
  }, 30_000);

  it('stops with a message naming the file when a text does not match index.json, or index.json is missing', async () => {
    const { dataDir, throughCore } = await library();
    const victim = throughCore[1]!;
    const file = join(dataDir, 'texts', `${victim.id}.json`);
    const stored = JSON.parse(await fs.readFile(file, 'utf8')) as { text: string };
    await fs.writeFile(file, JSON.stringify({ ...stored, text: `${stored.text} (edited by hand)` }));
    await expect(eachStoredTextBatch(dataDir, () => undefined, { sync })).rejects.toThrow(`${file} does not match the hash recorded in index.json`);
    await fs.writeFile(file, '{ "schemaVersion": 1,');
    await expect(eachStoredTextBatch(dataDir, () => undefined, { sync })).rejects.toThrow(`${file} is not valid JSON`);

    await expect(eachStoredTextBatch(join(dir(), 'empty'), () => undefined, { sync })).rejects.toThrow(/index\.json does not exist \(not a Triangulate data folder\?\)/);
  }, 30_000);

  it('stops between batches once its signal is aborted', async () => {
    const { dataDir } = await library();
    const controller = new AbortController();
    const seen: number[] = [];
    const run = eachStoredTextBatch(dataDir, (batch) => {
      seen.push(batch.length);
      controller.abort();
    }, { batchSize: 2, sync, signal: controller.signal });
    await expect(run).rejects.toThrow();
    expect(seen).toEqual([2]);
  }, 30_000);
});
