/**
 * Before a command reads a data folder straight from its files
 * (listStoredArticles, eachStoredTextBatch): the folder must exist (a
 * mistyped --data path is an error, not a new library), and a folder whose
 * index.json the plain reader cannot list is opened once through the core,
 * which creates the default library in a folder without one, brings an
 * older folder up to date, or stops with its own clear error about a
 * damaged one (and writes nothing then). A reading command takes no start-up
 * backup (minutes at 100,000 articles).
 */
import { statSync } from 'node:fs';
import { createCore } from '../core/createCore';
import { bundledCorpusDir } from '../import/bundledCorpusDir';
import { listStoredArticles, type StoredTextRef } from '../store/listStoredArticles';

/** The articles of the folder's library (listStoredArticles), after making sure there is one. */
export async function ensureLibraryFolder(dataDir: string): Promise<StoredTextRef[]> {
  if (!isDirectory(dataDir)) {
    throw new Error(`the data folder ${dataDir} does not exist (start Triangulate once, or pass --data DIR)`);
  }
  const listed = await listStoredArticles(dataDir).catch(() => null);
  if (listed) return listed;
  await (await createCore({ dataDir, corpusDir: bundledCorpusDir(), backups: false })).close();
  return listStoredArticles(dataDir);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
