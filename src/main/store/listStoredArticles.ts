/**
 * The articles of a data folder as index.json lists them, in library order:
 * each one's id, the hash of its current text and that text's version (which
 * file in texts/ holds it), read straight from index.json without a core and
 * without reading a text. index.json is parsed and checked as the store
 * parses it (parseIndexFile); a missing, unreadable or damaged index.json is
 * an Error naming the file and the reason, and nothing is written.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { currentVersion } from '../../shared/model/model';
import { parseIndexFile } from './parseIndexFile';

/** Which text of which article: what index.json says of it. */
export interface StoredTextRef {
  id: string;
  /** The hash of the text recorded in index.json. */
  hash: string;
  /** Its current version (1: texts/<id>.json; n: texts/<id>@v<n>.json). */
  version: number;
}

export async function listStoredArticles(dataDir: string): Promise<StoredTextRef[]> {
  const file = join(dataDir, 'index.json');
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${file} does not exist (not a Triangulate data folder?)` : `${file} cannot be read (${code ?? String(error)})`);
  }
  try {
    return parseIndexFile(JSON.parse(raw)).articles.map((meta) => ({ id: meta.id, hash: meta.hash, version: currentVersion(meta) }));
  } catch (error) {
    throw new Error(`${file} ${error instanceof SyntaxError ? `is not valid JSON (${error.message})` : error instanceof Error ? error.message : String(error)}`);
  }
}
