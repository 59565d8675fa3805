/**
 * Detects the quotes of the texts the quote cache does not know yet, in
 * batches: each batch's texts are read straight from the data folder, on
 * worker threads (one per core, two batches each at most in flight) when the
 * quotes worker is built, else in-process one batch at a time. The results
 * are appended to the cache after every batch, so a run that is stopped
 * (the signal, Ctrl-C) keeps what it detected; it then rejects with
 * QuotesCancelled. A text that cannot be read stops the run with the
 * reader's message.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { QuoteCache } from '../store/quoteCache';
import type { StoredTextRef } from '../store/listStoredArticles';
import { detectQuoteLines } from './detectQuoteLines';

export type ToQuotesWorker = { type: 'batch'; id: number; dataDir: string; refs: StoredTextRef[] };
export type FromQuotesWorker = { type: 'lines'; id: number; lines: string[] } | { type: 'failed'; id: number; message: string };

export class QuotesCancelled extends Error {
  constructor() {
    super('Quote detection was stopped; what was detected so far is kept.');
  }
}

export interface DetectMissingOptions {
  /** The built quotes worker (quotesWorkerFile()); null detects in-process. */
  workerFile: string | null;
  /** Worker threads (default: the cores, at most 4). */
  workers?: number;
  /** Articles per batch (default 200). */
  batchSize?: number;
  signal?: AbortSignal;
  /** After each batch: texts detected so far, of how many. */
  onProgress?: (done: number, total: number) => void;
}

const BATCHES_IN_FLIGHT = 2;

/** Detects every text of `refs` whose hash the cache does not know (each hash once). */
export async function detectMissingQuotes(dataDir: string, refs: readonly StoredTextRef[], cache: QuoteCache, options: DetectMissingOptions): Promise<void> {
  const seen = new Set<string>();
  const missing: StoredTextRef[] = [];
  for (const ref of refs) {
    if (cache.entry(ref.hash) || seen.has(ref.hash)) continue;
    seen.add(ref.hash);
    missing.push(ref);
  }
  if (missing.length === 0) return;
  const size = Math.max(1, options.batchSize ?? 200);
  const batches: StoredTextRef[][] = [];
  for (let at = 0; at < missing.length; at += size) batches.push(missing.slice(at, at + size));

  let done = 0;
  let writing = Promise.resolve();
  const take = (lines: readonly string[]) => {
    for (const line of lines) cache.addLine(line);
    done += lines.length;
    // Appended as it goes, one write at a time.
    writing = writing.then(() => cache.flush());
    options.onProgress?.(done, missing.length);
  };
  try {
    if (options.workerFile === null) {
      for (const batch of batches) {
        // A turn of the event loop between batches, so that Ctrl-C (a signal event) is heard.
        await new Promise((resume) => setImmediate(resume));
        if (options.signal?.aborted) throw new QuotesCancelled();
        take(await detectQuoteLines(dataDir, batch));
      }
    } else {
      await onWorkers(options.workerFile, dataDir, batches, take, options);
    }
  } finally {
    await writing;
    await cache.flush();
  }
}

function onWorkers(
  workerFile: string,
  dataDir: string,
  batches: readonly StoredTextRef[][],
  take: (lines: readonly string[]) => void,
  options: DetectMissingOptions,
): Promise<void> {
  const count = Math.max(1, Math.min(options.workers ?? Math.min(availableParallelism(), 4), batches.length));
  return new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let answered = 0;
    let settled = false;
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve();
    };
    const onAbort = () => finish(new QuotesCancelled());
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);
    const send = (worker: Worker) => {
      if (next >= batches.length) return;
      const id = next++;
      worker.postMessage({ type: 'batch', id, dataDir, refs: batches[id]! } satisfies ToQuotesWorker);
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(workerFile);
      workers.push(worker);
      worker.on('message', (reply: FromQuotesWorker) => {
        if (settled) return;
        if (reply.type === 'failed') return finish(new Error(reply.message));
        take(reply.lines);
        if (++answered === batches.length) return finish(null);
        send(worker);
      });
      worker.on('error', (error) => finish(new Error(`The quotes worker failed: ${error.message}`)));
      worker.on('exit', (code) => finish(new Error(`The quotes worker stopped (exit code ${code}) before detecting every text.`)));
      for (let b = 0; b < BATCHES_IN_FLIGHT; b++) send(worker);
    }
  });
}
