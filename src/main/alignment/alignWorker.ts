/**
 * Worker thread entry (built to out/main/alignWorker.js): aligns passages and
 * posts progress, then `{ type: 'done', ok: true, packed }` (the groups
 * packed, their buffers transferred rather than copied) or `{ type: 'done',
 * ok: false, message }`. Started by runAlignWorker so the caller's
 * event loop stays free.
 *
 * Either the articles come all at once in `workerData.articles` (a selection
 * of articles, createPassageAligner over them), or, with
 * `workerData.readDataDir`, the worker aligns the whole library of that data
 * folder (alignStoredLibrary: read straight from the folder, batch by batch,
 * in the order of `workerData.library`; 100,000 articles within 2 GB, issue
 * 20), writing the alignment index into `workerData.indexDataDir` if given.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createPassageAligner } from '../../shared/alignment/alignPassages';
import { packedBuffers, type PackedGroups } from '../../shared/alignment/packedGroups';
import { alignStoredLibrary } from './alignStoredLibrary';
import type { AlignWorkerData, AlignWorkerReply, WorkerPhase } from './runAlignWorker';

if (parentPort) {
  const port = parentPort;
  const data = workerData as AlignWorkerData;
  const progress = (phase: WorkerPhase, done: number, total: number) => port.postMessage({ type: 'progress', phase, done, total } satisfies AlignWorkerReply);
  const run = async (): Promise<PackedGroups> => {
    if (data.readDataDir !== undefined) {
      return alignStoredLibrary(data.readDataDir, data.library ?? [], { onProgress: progress, indexDataDir: data.indexDataDir });
    }
    const aligner = createPassageAligner();
    for (const article of data.articles ?? []) aligner.add(article);
    return aligner.finishPacked();
  };
  run().then(
    (packed) => port.postMessage({ type: 'done', ok: true, packed } satisfies AlignWorkerReply, packedBuffers(packed)),
    (error: unknown) => port.postMessage({ type: 'done', ok: false, message: error instanceof Error ? error.message : String(error) } satisfies AlignWorkerReply),
  );
}
