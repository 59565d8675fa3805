import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../core/createCore';
import { textHash } from '../store/textHash';
import { readLibraryArticles } from './readLibraryArticles';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-read-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('readLibraryArticles', () => {
  it('gives the id and canonical text of every article in the library', async () => {
    const corpus = join(dir, 'corpus');
    await fs.mkdir(corpus);
    await fs.writeFile(join(corpus, 'b.txt'), ' date 2022-05-23 Second.\r\nLine two.');
    await fs.writeFile(join(corpus, 'a.txt'), 'First article.');
    const core = await createCore({ dataDir: join(dir, 'data'), corpusDir: corpus, creator: 'ana' });
    await core.close();
    expect(await readLibraryArticles(join(dir, 'data'))).toEqual([
      { id: 'a', text: 'First article.', hash: textHash('First article.') },
      { id: 'b', text: 'Second.\nLine two.', hash: textHash('Second.\nLine two.') },
    ]);
  });

  it('refuses a data folder that does not exist, and creates nothing', async () => {
    const missing = join(dir, 'missing');
    await expect(readLibraryArticles(missing)).rejects.toThrow(`the data folder ${missing} does not exist`);
    await expect(fs.stat(missing)).rejects.toThrow();
  });

  it('stops on a corrupt library and leaves its files alone', async () => {
    await fs.writeFile(join(dir, 'index.json'), '{ not json');
    await expect(readLibraryArticles(dir)).rejects.toThrow(/index\.json/);
    expect(await fs.readFile(join(dir, 'index.json'), 'utf8')).toBe('{ not json');
  });
});
