/**
 * Every article's current text read straight from a data folder (index.json
 * for the library order, then texts/<id>.json or texts/<id>@v<n>.json), in
 * batches, without opening a core: for a whole-library pass in a worker
 * thread (alignment at 100,000 articles, issue 20), where going through the
 * core costs a round trip and a copy of every text. Read-only; each text is
 * checked as the store checks it (its id, and the hash index.json records),
 * and a text that fails stops the pass with a message naming its file.
 *
 * Batches are read and handed over (and awaited) one at a time, so a caller
 * that does not keep them never holds more than one batch of text.
 */
import * as fs from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { currentVersion } from '../../shared/model/model';
import { textFileName } from './articleTextFiles';
import { parseIndexFile } from './parseIndexFile';
import { parseStoreFile, TextFileSchema } from './storeFileSchemas';
import { textHash } from './textHash';

/** Which text of which article: what index.json says of it. */
export interface StoredTextRef {
  id: string;
  /** The hash of the text recorded in index.json. */
  hash: string;
  /** Its current version (1: texts/<id>.json; n: texts/<id>@v<n>.json). */
  version: number;
}

export interface StoredText extends StoredTextRef {
  text: string;
}

export interface StoredTextBatchOptions {
  /** Texts per batch (default 500). */
  batchSize?: number;
  /** Stops between batches, rejecting with the signal's reason. */
  signal?: AbortSignal;
  /** The articles as storedArticles gave them already (index.json is then not read again). */
  articles?: readonly StoredTextRef[];
}

const DEFAULT_BATCH = 500;
/** Files read at once within a batch. */
const PARALLEL_READS = 16;

/** The articles of index.json, in library order (id, hash and current version of each). */
export async function storedArticles(dataDir: string): Promise<StoredTextRef[]> {
  const file = join(dataDir, 'index.json');
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
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

/** One article's current text, checked; `dataDir`'s texts/ folder. */
export async function readStoredText(dataDir: string, meta: StoredTextRef): Promise<StoredText> {
  const name = `texts/${textFileName(meta.id, meta.version)}`;
  let raw: string;
  try {
    raw = await fs.readFile(join(dataDir, name), 'utf8');
  } catch (error) {
    throw new Error(`the text of article "${meta.id}" cannot be read: ${join(dataDir, name)} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return checkedText(dataDir, name, raw, meta);
}

/** The same, synchronously (a worker thread reading a text again at the end of its pass). */
export function readStoredTextSync(dataDir: string, meta: StoredTextRef): StoredText {
  const name = `texts/${textFileName(meta.id, meta.version)}`;
  let raw: string;
  try {
    raw = readFileSync(join(dataDir, name), 'utf8');
  } catch (error) {
    throw new Error(`the text of article "${meta.id}" cannot be read: ${join(dataDir, name)} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return checkedText(dataDir, name, raw, meta);
}

function checkedText(dataDir: string, name: string, raw: string, meta: StoredTextRef): StoredText {
  try {
    const file = parseStoreFile(TextFileSchema, JSON.parse(raw));
    if (file.id !== meta.id) throw new Error(`holds the text of "${file.id}", not of "${meta.id}"`);
    if (textHash(file.text) !== meta.hash) throw new Error('does not match the hash recorded in index.json (changed while being read? run again)');
    return { id: meta.id, hash: meta.hash, version: meta.version, text: file.text };
  } catch (error) {
    throw new Error(`${join(dataDir, name)} ${error instanceof SyntaxError ? `is not valid JSON (${error.message})` : error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Reads every current text in library order, `batchSize` at a time, calling
 * `onBatch` with each batch (awaited before the next is read) and the number
 * of articles. Resolves to that number.
 */
export async function eachStoredTextBatch(
  dataDir: string,
  onBatch: (texts: StoredText[], total: number) => void | Promise<void>,
  options: StoredTextBatchOptions = {},
): Promise<number> {
  const articles = options.articles ?? (await storedArticles(dataDir));
  const size = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  for (let from = 0; from < articles.length; from += size) {
    options.signal?.throwIfAborted();
    const metas = articles.slice(from, from + size);
    const batch: StoredText[] = new Array<StoredText>(metas.length);
    for (let k = 0; k < metas.length; k += PARALLEL_READS) {
      const read = await Promise.all(metas.slice(k, k + PARALLEL_READS).map((meta) => readStoredText(dataDir, meta)));
      for (let r = 0; r < read.length; r++) batch[k + r] = read[r]!;
    }
    await onBatch(batch, articles.length);
  }
  return articles.length;
}
