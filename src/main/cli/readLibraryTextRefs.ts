/**
 * Every article of a data folder as its text file stands in index.json (id,
 * version, hash), in library order, without reading a text: index.json is
 * opened and checked by the store (a corrupt library stops with its own
 * clear error and nothing is written). A folder without a library yet gets
 * the default one, as the core gives it. The folder must exist: a mistyped
 * --data path is an error, not a new library.
 */
import { statSync } from 'node:fs';
import { currentVersion } from '../../shared/model/model';
import { createCore } from '../core/createCore';
import { bundledCorpusDir } from '../import/bundledCorpusDir';
import { DataStore } from '../store/dataStore';
import type { ArticleTextRef } from '../store/readArticleText';

export async function readLibraryTextRefs(dataDir: string): Promise<ArticleTextRef[]> {
  if (!isDirectory(dataDir)) {
    throw new Error(`the data folder ${dataDir} does not exist (start Triangulate once, or pass --data DIR)`);
  }
  let store = await DataStore.open(dataDir);
  if (!store) {
    await (await createCore({ dataDir, corpusDir: bundledCorpusDir(), backups: false })).close();
    store = await DataStore.open(dataDir);
    if (!store) throw new Error(`the data folder ${dataDir} holds no library`);
  }
  try {
    return store.articles().map((meta) => ({ id: meta.id, version: currentVersion(meta), hash: meta.hash }));
  } finally {
    await store.close();
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
