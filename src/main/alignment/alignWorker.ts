/**
 * Worker thread entry (built to out/main/alignWorker.js): aligns passages
 * (createPassageAligner) and posts progress, then `{ type: 'done', ok: true,
 * groups }` or `{ type: 'done', ok: false, message }`. Started by
 * runAlignWorker for large corpora so the caller's event loop stays free.
 *
 * The articles come either all at once in `workerData.articles`, or, with
 * `workerData.stream`, in batches of messages (`{ type: 'articles' }`, each
 * acknowledged with `{ type: 'read' }`, then `{ type: 'end' }`) so that the
 * caller never holds the whole library. With `workerData.indexDataDir` the
 * run also writes the alignment index (alignmentIndex) from the words it has
 * read, for aligning later imports one at a time.
 *
 * With `workerData.readDataDir` the worker reads the library itself, straight
 * from the data folder (eachStoredTextBatch, batch by batch), keeps no text
 * while reading, and reads the texts of the articles in groups again at the
 * end (alignFolderInWorker: 100,000 articles within 2 GB, issue 20).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createPassageAligner } from '../../shared/alignment/alignPassages';
import { eachStoredTextBatch } from '../store/eachStoredTextBatch';
import type { StoredTextRef } from '../store/listStoredArticles';
import { readStoredTextSync } from '../store/readStoredText';
import { fingerprintsOfWords } from '../../shared/alignment/passageFingerprints';
import { AlignmentIndex } from './alignmentIndex';
import type { AlignWorkerData, AlignWorkerReply, StreamedArticle, ToAlignWorker, WorkerPhase } from './runAlignWorker';

/** Progress is posted at most this often while reading. */
const READ_PROGRESS_EVERY = 1000;

if (parentPort) {
  const port = parentPort;
  const data = workerData as AlignWorkerData;
  const folder = data.readDataDir;
  /** Read from the folder: each article's file, to read its text again for the groups. */
  const refs: StoredTextRef[] = [];
  const aligner = createPassageAligner({}, folder === undefined ? undefined : (doc) => readStoredTextSync(folder, refs[doc]!).text);
  const hashes: string[] = [];
  let total = data.articles?.length ?? data.total ?? 0;
  const progress = (phase: WorkerPhase, done: number, of: number) => port.postMessage({ type: 'progress', phase, done, total: of } satisfies AlignWorkerReply);
  const read = (articles: readonly StreamedArticle[]) => {
    for (const a of articles) {
      aligner.add(a);
      hashes.push(a.hash ?? '');
      if (aligner.size % READ_PROGRESS_EVERY === 0) progress('reading', aligner.size, total);
    }
  };
  const finish = async () => {
    let reply: AlignWorkerReply;
    try {
      progress('reading', aligner.size, aligner.size);
      const groups = aligner.finish(progress);
      if (data.indexDataDir) {
        const dataDir = data.indexDataDir;
        progress('indexing', 0, aligner.size);
        await AlignmentIndex.build(
          dataDir,
          aligner.ids.map((id, doc) => ({ id, hash: hashes[doc]!, fingerprints: fingerprintsOfWords(aligner.wordHashesOf(doc)) })),
        );
        progress('indexing', aligner.size, aligner.size);
      }
      reply = { type: 'done', ok: true, groups };
    } catch (error) {
      reply = { type: 'done', ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  };
  if (folder !== undefined) {
    void eachStoredTextBatch(folder, (batch, of) => {
      total = of;
      for (const { id, hash, version } of batch) refs.push({ id, hash, version });
      read(batch);
    }).then(finish, (error: unknown) => {
      port.postMessage({ type: 'done', ok: false, message: error instanceof Error ? error.message : String(error) } satisfies AlignWorkerReply);
    });
  } else if (data.articles) {
    read(data.articles);
    void finish();
  } else {
    port.on('message', (message: ToAlignWorker) => {
      if (message.type === 'articles') {
        read(message.articles);
        port.postMessage({ type: 'read', done: aligner.size } satisfies AlignWorkerReply);
      } else {
        void finish().finally(() => port.close());
      }
    });
  }
}
