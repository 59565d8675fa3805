/**
 * One article's canonical text read straight from its file in the data
 * folder (texts/<id>.json, or texts/<id>@v<n>.json for version n), without
 * opening the library through the core and without keeping it anywhere:
 * for commands that walk 100,000 articles once (issue 20), where the core's
 * text cache would hold every text read. The file is checked as the store
 * checks it: the article it names, and the hash recorded in index.json; a
 * fault is an Error naming the file and the reason.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { textFileName } from './articleTextFiles';
import { textHash } from './textHash';

export interface ArticleTextRef {
  id: string;
  /** The version of the text (index.json's `versions` length; 1 when it has none). */
  version: number;
  /** The hash of that version recorded in index.json. */
  hash: string;
}

export async function readArticleText(dataDir: string, ref: ArticleTextRef): Promise<string> {
  const name = `texts/${textFileName(ref.id, ref.version)}`;
  let raw: string;
  try {
    raw = await readFile(join(dataDir, name), 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(`The text of article "${ref.id}" ${missing ? `is missing: ${name} does not exist` : `cannot be read: ${name}: ${(error as Error).message}`}.`);
  }
  let file: unknown;
  try {
    file = JSON.parse(raw);
  } catch {
    throw new Error(`The text of article "${ref.id}" is damaged: ${name} is not JSON.`);
  }
  const { id, text } = (typeof file === 'object' && file !== null ? file : {}) as Record<string, unknown>;
  if (typeof text !== 'string') throw new Error(`The text of article "${ref.id}" is damaged: ${name} holds no text.`);
  if (id !== ref.id) throw new Error(`The text of article "${ref.id}" is damaged: ${name} holds the text of "${String(id)}".`);
  if (textHash(text) !== ref.hash) throw new Error(`The text of article "${ref.id}" is damaged: ${name} does not match the hash recorded in index.json.`);
  return text;
}
