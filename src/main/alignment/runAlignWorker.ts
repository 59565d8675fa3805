/**
 * Runs the passage alignment in a worker thread (the built alignWorker.js)
 * and resolves to its groups, reporting progress on the way; aborting the
 * signal stops the worker at once and rejects with "The alignment was
 * cancelled." A worker that fails or stops without answering rejects with
 * an Error saying so.
 *
 * runAlignWorker hands over the articles at once; streamAlignWorker takes
 * them in batches (waiting while the worker is two batches behind), so a
 * caller reading a large library never holds all of it.
 */
import { Worker } from 'node:worker_threads';
import type { AlignedGroup, AlignPhase } from '../../shared/alignment/alignPassages';

export interface StreamedArticle {
  id: string;
  text: string;
  /** The text's hash, kept in the alignment index. */
  hash?: string;
}

export interface AlignWorkerData {
  articles?: StreamedArticle[];
  /** Articles to come when streamed (for progress). */
  total?: number;
  /** Write the alignment index of this data folder at the end. */
  indexDataDir?: string;
  /**
   * Read the library from this data folder in the worker itself (eachStoredTextBatch: no core, no
   * copy of the texts through postMessage), and read the texts again from there for the groups.
   */
  readDataDir?: string;
}

export type ToAlignWorker = { type: 'articles'; articles: StreamedArticle[] } | { type: 'end' };

export type WorkerPhase = AlignPhase | 'indexing';

export type AlignWorkerReply =
  | { type: 'progress'; phase: WorkerPhase; done: number; total: number }
  | { type: 'read'; done: number }
  | { type: 'done'; ok: true; groups: AlignedGroup[] }
  | { type: 'done'; ok: false; message: string };

export interface AlignWorkerOptions {
  onProgress?: (phase: WorkerPhase, done: number, total: number) => void;
  signal?: AbortSignal;
  /** Write the alignment index of this data folder as well. */
  indexDataDir?: string;
}

export const ALIGN_CANCELLED = 'The alignment was cancelled.';

export function runAlignWorker(workerFile: string, articles: readonly StreamedArticle[], options: AlignWorkerOptions = {}): Promise<AlignedGroup[]> {
  const data: AlignWorkerData = { articles: articles.map(({ id, text, hash }) => ({ id, text, hash })), indexDataDir: options.indexDataDir };
  return start(workerFile, data, options).result;
}

export interface AlignStream {
  /** Sends one batch; resolves when the worker is at most two batches behind. */
  add(articles: StreamedArticle[]): Promise<void>;
  /** No more articles: resolves to the groups. */
  end(): Promise<AlignedGroup[]>;
}

export function streamAlignWorker(workerFile: string, total: number, options: AlignWorkerOptions = {}): AlignStream {
  const run = start(workerFile, { total, indexDataDir: options.indexDataDir }, options);
  let sent = 0;
  return {
    async add(articles) {
      run.worker.postMessage({ type: 'articles', articles } satisfies ToAlignWorker);
      sent++;
      while (sent - run.batchesRead() > 2) await Promise.race([run.nextRead(), run.result.then(() => undefined)]);
    },
    end() {
      run.worker.postMessage({ type: 'end' } satisfies ToAlignWorker);
      return run.result;
    },
  };
}

/**
 * Aligns the whole library of a data folder in a worker that reads it from the folder itself, batch
 * by batch, and keeps no text while reading (issue 20: 100,000 articles within 2 GB). The articles
 * are in library order, as read through the core; the same groups as alignPassages over them.
 */
export function alignFolderInWorker(workerFile: string, dataDir: string, options: AlignWorkerOptions = {}): Promise<AlignedGroup[]> {
  return start(workerFile, { readDataDir: dataDir, indexDataDir: options.indexDataDir }, options).result;
}

function start(workerFile: string, data: AlignWorkerData, options: AlignWorkerOptions) {
  const worker = new Worker(workerFile, { workerData: data });
  let batches = 0;
  let wake: (() => void) | null = null;
  const result = new Promise<AlignedGroup[]>((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', abort);
      action();
    };
    const abort = () => settle(() => void worker.terminate().finally(() => reject(new Error(ALIGN_CANCELLED))));
    if (options.signal?.aborted) abort();
    options.signal?.addEventListener('abort', abort);
    worker.on('message', (reply: AlignWorkerReply) => {
      if (reply.type === 'progress') options.onProgress?.(reply.phase, reply.done, reply.total);
      else if (reply.type === 'read') {
        batches++;
        wake?.();
      } else settle(() => (reply.ok ? resolve(reply.groups) : reject(new Error(`The alignment failed: ${reply.message}`))));
    });
    worker.once('error', (error) => settle(() => reject(new Error(`The alignment worker failed: ${error.message}`))));
    worker.once('exit', (code) => settle(() => reject(new Error(`The alignment worker stopped without an answer (exit code ${code}).`))));
  });
  result.catch(() => undefined);
  return {
    worker,
    result,
    batchesRead: () => batches,
    nextRead: () => new Promise<void>((resolve) => (wake = resolve)),
  };
}
