import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../core/createCore';
import { textHash } from '../store/textHash';
import { ensureLibraryFolder } from './ensureLibraryFolder';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const dir = useTempDir('triangulate-ensure-');

describe('ensureLibraryFolder', () => {
  it('lists every article of the library in library order, with its text hash and version', async () => {
    const corpus = join(dir(), 'corpus');
    await fs.mkdir(corpus);
    await fs.writeFile(join(corpus, 'b.txt'), ' date 2022-05-23 Second.\r\nLine two.');
    await fs.writeFile(join(corpus, 'a.txt'), 'First article.');
    const core = await createCore({ dataDir: join(dir(), 'data'), corpusDir: corpus, creator: 'ana' });
    await core.close();
    expect(await ensureLibraryFolder(join(dir(), 'data'))).toEqual([
      { id: 'a', version: 1, hash: textHash('First article.') },
      { id: 'b', version: 1, hash: textHash('Second.\nLine two.') },
    ]);
  });

  it('gives a folder without a library the default one', async () => {
    const listed = await ensureLibraryFolder(dir());
    expect(listed.length).toBeGreaterThan(0);
    expect(JSON.parse(await fs.readFile(join(dir(), 'index.json'), 'utf8')).articles).toHaveLength(listed.length);
  }, 30_000);

  it('refuses a data folder that does not exist, and creates nothing', async () => {
    const missing = join(dir(), 'missing');
    await expect(ensureLibraryFolder(missing)).rejects.toThrow(`the data folder ${missing} does not exist`);
    await expect(fs.stat(missing)).rejects.toThrow();
  });

  it('stops on a corrupt library and leaves its files alone', async () => {
    await fs.writeFile(join(dir(), 'index.json'), '{ not json');
    await expect(ensureLibraryFolder(dir())).rejects.toThrow(/index\.json/);
    expect(await fs.readFile(join(dir(), 'index.json'), 'utf8')).toBe('{ not json');
  });
});
