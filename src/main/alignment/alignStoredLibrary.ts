/**
 * The whole library of a data folder aligned, read straight from the folder
 * (eachStoredTextBatch, batch by batch, no core): the one body every full
 * alignment runs — in the alignment worker (alignWorker, for the CLI and the
 * app) or in-process where no worker is built (tests, the source layout).
 * No text is kept while reading; the texts of the articles in groups are
 * read again at the end, one at a time, for the groups' packed exact texts
 * (PackedGroups: the articles by their number in `articles`). With `indexDataDir` the alignment index is written
 * there from the words read (for aligning later imports one at a time).
 *
 * For tests: while the file named by $TRIANGULATE_ALIGN_HOLD_FILE exists, the
 * run waits before it reads (so a test can cancel a run that is surely still
 * running, however fast the machine).
 */
import { existsSync } from 'node:fs';
import { createPassageAligner } from '../../shared/alignment/alignPassages';
import type { PackedGroups } from '../../shared/alignment/packedGroups';
import { fingerprintsOfWords } from '../../shared/alignment/passageFingerprints';
import { eachStoredTextBatch } from '../store/eachStoredTextBatch';
import type { StoredTextRef } from '../store/listStoredArticles';
import { readStoredTextSync } from '../store/readStoredText';
import { AlignmentIndex, type FingerprintedText } from './alignmentIndex';
import type { WorkerPhase } from './runAlignWorker';

export interface StoredLibraryAlignOptions {
  onProgress?: (phase: WorkerPhase, done: number, total: number) => void;
  /** Write the alignment index of this data folder at the end. */
  indexDataDir?: string;
  /** Checked between batches and phases (a worker is stopped by terminating it instead). */
  signal?: AbortSignal;
}

/** Progress is reported at most this often while reading. */
const READ_PROGRESS_EVERY = 1000;
/** How often a held run looks for its hold file again. */
const HOLD_POLL_MS = 50;

export const ALIGN_HOLD_FILE_ENV = 'TRIANGULATE_ALIGN_HOLD_FILE';

/** `articles`: the library in its order (listStoredArticles, or the core's list), read from `dataDir`'s texts/. */
export async function alignStoredLibrary(dataDir: string, articles: readonly StoredTextRef[], options: StoredLibraryAlignOptions = {}): Promise<PackedGroups> {
  const { onProgress, signal } = options;
  const progress = (phase: WorkerPhase, done: number, total: number) => onProgress?.(phase, done, total);
  const hold = process.env[ALIGN_HOLD_FILE_ENV];
  while (hold && existsSync(hold)) {
    signal?.throwIfAborted();
    await new Promise((resolve) => setTimeout(resolve, HOLD_POLL_MS));
  }
  const aligner = createPassageAligner({}, (doc) => readStoredTextSync(dataDir, articles[doc]!).text);
  await eachStoredTextBatch(
    dataDir,
    (batch) => {
      for (const article of batch) {
        aligner.add(article);
        if (aligner.size % READ_PROGRESS_EVERY === 0) progress('reading', aligner.size, articles.length);
      }
    },
    { articles, signal, sync: true },
  );
  progress('reading', aligner.size, aligner.size);
  signal?.throwIfAborted();
  const groups = aligner.finishPacked(progress);
  if (options.indexDataDir !== undefined) {
    signal?.throwIfAborted();
    progress('indexing', 0, aligner.size);
    // Each article's fingerprints taken as the index reads them, its words let go right after (340 MB of
    // word ids at 100,000 articles, no longer held while the index is sorted and written).
    function* fingerprinted(): Generator<FingerprintedText> {
      for (let doc = 0; doc < aligner.size; doc++) {
        const fingerprints = fingerprintsOfWords(aligner.wordHashesOf(doc));
        aligner.release(doc);
        yield { id: aligner.ids[doc]!, hash: articles[doc]!.hash, fingerprints };
      }
    }
    await AlignmentIndex.build(options.indexDataDir, fingerprinted());
    progress('indexing', aligner.size, aligner.size);
  }
  return groups;
}
