/**
 * The id and canonical text of every article of a data folder, read through
 * the core (so a corrupt library stops with its own clear error and nothing
 * is written). The folder must exist: a mistyped --data path is an error, not
 * a new library.
 */
import { statSync } from 'node:fs';
import { bundledCorpusDir } from '../import/bundledCorpusDir';
import { createCore } from '../core/createCore';

export interface LibraryArticle {
  id: string;
  text: string;
  /** The hash of the text recorded in index.json. */
  hash: string;
}

/** Ids asked for at once (the list is read in windows: no waiting for annotation counts). */
const IDS_PER_WINDOW = 1000;

export async function readLibraryArticles(dataDir: string): Promise<LibraryArticle[]> {
  const articles: LibraryArticle[] = [];
  await eachLibraryBatch(dataDir, (batch) => {
    for (const a of batch) articles.push(a);
  });
  return articles;
}

/**
 * The same articles in batches of IDS_PER_WINDOW, in library order, each handed over (and awaited)
 * before the next is read: a caller that does not keep them never holds the whole library.
 */
export async function eachLibraryBatch(dataDir: string, onBatch: (articles: LibraryArticle[], total: number) => void | Promise<void>): Promise<number> {
  if (!isDirectory(dataDir)) {
    throw new Error(`the data folder ${dataDir} does not exist (start Triangulate once, or pass --data DIR)`);
  }
  // A reading command changes nothing: no start-up backup of the whole library (minutes at 100,000 articles).
  const core = await createCore({ dataDir, corpusDir: bundledCorpusDir(), backups: false });
  try {
    for (let offset = 0; ; offset += IDS_PER_WINDOW) {
      const { rows, total } = await core.listArticlesWindow({ offset, limit: IDS_PER_WINDOW });
      const batch: LibraryArticle[] = [];
      for (const summary of rows) {
        const article = await core.getArticle({ id: summary.id });
        batch.push({ id: article.id, text: article.text, hash: article.hash });
      }
      await onBatch(batch, total);
      if (offset + IDS_PER_WINDOW >= total) return total;
    }
  } finally {
    await core.close();
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
