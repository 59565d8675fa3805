/**
 * One article's canonical text read straight from its file in the data
 * folder (texts/<id>.json, or texts/<id>@v<n>.json for version n), without
 * opening the library through the core and without keeping it anywhere:
 * for commands that walk 100,000 articles once (issue 20), where the core's
 * text cache would hold every text read. The file is checked as the store
 * checks it: the article it names, and the hash recorded in index.json; a
 * fault is an Error naming the file and the reason.
 */
import { readFileSync } from 'node:fs';
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
  const name = fileOf(ref);
  let raw: string;
  try {
    raw = await readFile(join(dataDir, name), 'utf8');
  } catch (error) {
    throw unreadable(ref, name, error);
  }
  return checkedText(ref, name, raw);
}

/**
 * The same, read synchronously: for a worker thread that reads texts one after another (a tenth of the
 * CPU time of the promise-based read over 100,000 small files, issue 20), never for the core's event loop.
 */
export function readArticleTextSync(dataDir: string, ref: ArticleTextRef): string {
  const name = fileOf(ref);
  let raw: string;
  try {
    raw = readFileSync(join(dataDir, name), 'utf8');
  } catch (error) {
    throw unreadable(ref, name, error);
  }
  return checkedText(ref, name, raw);
}

const fileOf = (ref: ArticleTextRef): string => `texts/${textFileName(ref.id, ref.version)}`;

function unreadable(ref: ArticleTextRef, name: string, error: unknown): Error {
  const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
  return new Error(`The text of article "${ref.id}" ${missing ? `is missing: ${name} does not exist` : `cannot be read: ${name}: ${(error as Error).message}`}.`);
}

function checkedText(ref: ArticleTextRef, name: string, raw: string): string {
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
