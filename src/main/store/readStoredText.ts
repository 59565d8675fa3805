/**
 * One article's text read straight from its file in the data folder
 * (texts/<id>.json, or texts/<id>@v<n>.json for version n), without opening
 * the library through the core and without keeping it anywhere: for passes
 * over 100,000 articles (issue 20: quotes, alignment), where the core's text
 * cache would hold every text read. The file is checked as the store checks
 * it (a text file of a known schema version, of the article it is asked for,
 * whose text has the hash index.json records); a fault is an Error naming
 * the article, the file and the reason.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCHEMA_VERSION } from '../../shared/model/model';
import { textFileName } from './articleTextFiles';
import type { StoredTextRef } from './listStoredArticles';
import { textHash } from './textHash';

export interface StoredText extends StoredTextRef {
  text: string;
}

export async function readStoredText(dataDir: string, ref: StoredTextRef): Promise<StoredText> {
  const path = pathOf(dataDir, ref);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    throw unreadable(ref, path, error);
  }
  return checkedText(ref, path, raw);
}

/**
 * The same, read synchronously: for a worker thread that reads texts one after another (a tenth of the
 * CPU time of the promise-based read over 100,000 small files, issue 20), never for the core's event loop.
 */
export function readStoredTextSync(dataDir: string, ref: StoredTextRef): StoredText {
  const path = pathOf(dataDir, ref);
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw unreadable(ref, path, error);
  }
  return checkedText(ref, path, raw);
}

const pathOf = (dataDir: string, ref: StoredTextRef): string => join(dataDir, 'texts', textFileName(ref.id, ref.version));

function unreadable(ref: StoredTextRef, path: string, error: unknown): Error {
  const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
  return new Error(`The text of article "${ref.id}" ${missing ? `is missing: ${path} does not exist` : `cannot be read: ${path}: ${(error as Error).message}`}.`);
}

function checkedText(ref: StoredTextRef, path: string, raw: string): StoredText {
  const damaged = (reason: string) => new Error(`The text of article "${ref.id}" is damaged: ${path} ${reason}.`);
  let file: unknown;
  try {
    file = JSON.parse(raw);
  } catch (error) {
    throw damaged(`is not valid JSON (${(error as Error).message})`);
  }
  // What TextFileSchema asks of a text file, checked by hand (no schema parse per text over 100,000 files).
  const { schemaVersion, id, text } = (typeof file === 'object' && file !== null ? file : {}) as Record<string, unknown>;
  if (typeof text !== 'string') throw damaged('holds no text');
  if (!Number.isInteger(schemaVersion) || (schemaVersion as number) < 1 || (schemaVersion as number) > SCHEMA_VERSION) throw damaged(`has no schema version this app knows (${String(schemaVersion)})`);
  if (id !== ref.id) throw damaged(`holds the text of "${String(id)}", not of "${ref.id}"`);
  if (textHash(text) !== ref.hash) throw damaged('does not match the hash recorded in index.json (changed while being read? run again)');
  return { id: ref.id, hash: ref.hash, version: ref.version, text };
}
