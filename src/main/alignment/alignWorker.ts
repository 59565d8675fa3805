/**
 * Worker thread entry (built to out/main/alignWorker.js): runs alignPassages
 * over the articles in `workerData` and posts back `{ ok: true, groups }` or
 * `{ ok: false, message }`. Started by runAlignWorker for large corpora so
 * the core's event loop stays free while the alignment runs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { alignPassages } from '../../shared/alignment/alignPassages';
import type { AlignWorkerReply, AlignWorkerRequest } from './runAlignWorker';

if (parentPort) {
  const { articles } = workerData as AlignWorkerRequest;
  let reply: AlignWorkerReply;
  try {
    reply = { ok: true, groups: alignPassages(articles) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort.postMessage(reply);
}
