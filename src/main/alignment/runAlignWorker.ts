/**
 * Runs alignPassages in a worker thread (the built alignWorker.js) and
 * resolves to its groups. A worker that fails or stops without answering
 * rejects with an Error saying so.
 */
import { Worker } from 'node:worker_threads';
import type { AlignedGroup } from '../../shared/alignment/alignPassages';

export interface AlignWorkerRequest {
  articles: { id: string; text: string }[];
}

export type AlignWorkerReply = { ok: true; groups: AlignedGroup[] } | { ok: false; message: string };

export function runAlignWorker(workerFile: string, articles: readonly { id: string; text: string }[]): Promise<AlignedGroup[]> {
  return new Promise((resolve, reject) => {
    const request: AlignWorkerRequest = { articles: articles.map(({ id, text }) => ({ id, text })) };
    const worker = new Worker(workerFile, { workerData: request });
    let settled = false;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      action();
    };
    worker.once('message', (reply: AlignWorkerReply) =>
      settle(() => (reply.ok ? resolve(reply.groups) : reject(new Error(`The alignment failed: ${reply.message}`)))),
    );
    worker.once('error', (error) => settle(() => reject(new Error(`The alignment worker failed: ${error.message}`))));
    worker.once('exit', (code) => settle(() => reject(new Error(`The alignment worker stopped without an answer (exit code ${code}).`))));
  });
}
