/**
 * Runs the passage alignment in a worker thread (the built alignWorker.js)
 * and resolves to its groups, reporting progress on the way; aborting the
 * signal stops the worker at once and rejects with "The alignment was
 * cancelled." A worker that fails or stops without answering rejects with
 * an Error saying so.
 *
 * runAlignWorker hands over a few articles at once (a selection);
 * alignFolderInWorker has the worker read a whole library from its data
 * folder (alignStoredLibrary), so no caller holds or copies its texts.
 */
import { Worker } from 'node:worker_threads';
import type { AlignedGroup, AlignPhase } from '../../shared/alignment/alignPassages';
import { unpackGroups, type PackedGroups } from '../../shared/alignment/packedGroups';
import type { StoredTextRef } from '../store/listStoredArticles';

export interface AlignWorkerData {
  /** A selection of articles, aligned as given. */
  articles?: { id: string; text: string }[];
  /** Write the alignment index of this data folder at the end (with readDataDir). */
  indexDataDir?: string;
  /**
   * Read the library from this data folder in the worker itself (eachStoredTextBatch: no core, no
   * copy of the texts through postMessage), and read the texts again from there for the groups.
   */
  readDataDir?: string;
  /** The library of readDataDir in its order (index.json is not read again in the worker). */
  library?: StoredTextRef[];
}

export type WorkerPhase = AlignPhase | 'indexing';

export type AlignWorkerReply =
  | { type: 'progress'; phase: WorkerPhase; done: number; total: number }
  | { type: 'done'; ok: true; packed: PackedGroups }
  | { type: 'done'; ok: false; message: string };

export interface AlignWorkerOptions {
  onProgress?: (phase: WorkerPhase, done: number, total: number) => void;
  signal?: AbortSignal;
  /** Write the alignment index of this data folder as well. */
  indexDataDir?: string;
}

export const ALIGN_CANCELLED = 'The alignment was cancelled.';

export function runAlignWorker(workerFile: string, articles: readonly { id: string; text: string }[], options: AlignWorkerOptions = {}): Promise<AlignedGroup[]> {
  return start(workerFile, { articles: articles.map(({ id, text }) => ({ id, text })) }, articles.map((a) => a.id), options);
}

/**
 * Aligns the whole library of a data folder (`library`: its articles in library order) in a worker
 * that reads it from the folder itself, batch by batch, and keeps no text while reading (issue 20:
 * 100,000 articles within 2 GB); the same groups as alignPassages over the same texts.
 */
export function alignFolderInWorker(workerFile: string, dataDir: string, library: readonly StoredTextRef[], options: AlignWorkerOptions = {}): Promise<AlignedGroup[]> {
  return start(workerFile, { readDataDir: dataDir, library: library.map(({ id, hash, version }) => ({ id, hash, version })), indexDataDir: options.indexDataDir }, library.map((a) => a.id), options);
}

/** `ids`: the articles' ids by their number in `data`. */
function start(workerFile: string, data: AlignWorkerData, ids: readonly string[], options: AlignWorkerOptions): Promise<AlignedGroup[]> {
  const worker = new Worker(workerFile, { workerData: data });
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
      else if (!reply.ok) settle(() => reject(new Error(`The alignment failed: ${reply.message}`)));
      // The worker's heap (the library's words, its index) is let go before the groups are unpacked here:
      // the two are never held at once (issue 20: 100,000 articles within 2 GB).
      else settle(() => void worker.terminate().finally(() => resolve(unpackGroups(reply.packed, ids))));
    });
    worker.once('error', (error) => settle(() => reject(new Error(`The alignment worker failed: ${error.message}`))));
    worker.once('exit', (code) => settle(() => reject(new Error(`The alignment worker stopped without an answer (exit code ${code}).`))));
  });
  result.catch(() => undefined);
  return result;
}
