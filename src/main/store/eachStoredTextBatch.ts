/**
 * Every article's current text read straight from a data folder (index.json
 * for the library order, listStoredArticles; then each text, readStoredText),
 * in batches, without opening a core: for a whole-library pass in a worker
 * thread (alignment at 100,000 articles, issue 20), where going through the
 * core costs a round trip and a copy of every text. Read-only; each text is
 * checked as the store checks it (its id, and the hash index.json records),
 * and a text that fails stops the pass with a message naming its file.
 *
 * Batches are read and handed over (and awaited) one at a time, so a caller
 * that does not keep them never holds more than one batch of text.
 */
import { listStoredArticles, type StoredTextRef } from './listStoredArticles';
import { readStoredText, readStoredTextSync, type StoredText } from './readStoredText';

export interface StoredTextBatchOptions {
  /** Texts per batch (default 500). */
  batchSize?: number;
  /** Stops between batches, rejecting with the signal's reason. */
  signal?: AbortSignal;
  /** The articles as listStoredArticles gave them already (index.json is then not read again). */
  articles?: readonly StoredTextRef[];
  /**
   * Read each file synchronously (readStoredTextSync), letting the event loop run between batches: for
   * a worker thread, where it takes a fraction of the CPU time of the promise-based reads (issue 20);
   * never on the core's event loop.
   */
  sync?: boolean;
}

const DEFAULT_BATCH = 500;
/** Files read at once within a batch. */
const PARALLEL_READS = 16;

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
  const articles = options.articles ?? (await listStoredArticles(dataDir));
  const size = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  for (let from = 0; from < articles.length; from += size) {
    options.signal?.throwIfAborted();
    const metas = articles.slice(from, from + size);
    const batch: StoredText[] = new Array<StoredText>(metas.length);
    if (options.sync) {
      await new Promise((resolve) => setImmediate(resolve)); // an abort can come in
      options.signal?.throwIfAborted();
      for (let k = 0; k < metas.length; k++) batch[k] = readStoredTextSync(dataDir, metas[k]!);
    } else {
      for (let k = 0; k < metas.length; k += PARALLEL_READS) {
        const read = await Promise.all(metas.slice(k, k + PARALLEL_READS).map((meta) => readStoredText(dataDir, meta)));
        for (let r = 0; r < read.length; r++) batch[k + r] = read[r]!;
      }
    }
    await onBatch(batch, articles.length);
  }
  return articles.length;
}
