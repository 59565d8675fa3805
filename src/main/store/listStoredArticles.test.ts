import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentVersion } from '../../shared/model/model';
import { useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { DataStore } from './dataStore';
import { listStoredArticles } from './listStoredArticles';

const lib = useTestLibrary();

describe('listStoredArticles', () => {
  it('lists the articles as the store does, in its order, without a core', async () => {
    await (await lib.open()).close();
    const store = (await DataStore.open(lib.dir()))!;
    const expected = store.articles().map((m) => ({ id: m.id, hash: m.hash, version: currentVersion(m) }));
    await store.close();
    expect(expected.length).toBeGreaterThan(1);
    expect(await listStoredArticles(lib.dir())).toEqual(expected);
  });

  it('says what is wrong with index.json, naming it, and writes nothing', async () => {
    await (await lib.open()).close();
    const file = join(lib.dir(), 'index.json');
    await fs.writeFile(file, '{ "articles": [');
    await expect(listStoredArticles(lib.dir())).rejects.toThrow(`${file} is not valid JSON`);
    expect(await fs.readFile(file, 'utf8')).toBe('{ "articles": [');
    await fs.rm(file);
    await expect(listStoredArticles(lib.dir())).rejects.toThrow(`${file} does not exist (not a Triangulate data folder?)`);
  });
});
