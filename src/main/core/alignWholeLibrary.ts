/**
 * One full alignment of a data folder's library, the one function the CLI's
 * `align` and the app's alignment panel (createLibraryAlignmentService) both
 * run: the texts are read straight from the folder (alignStoredLibrary) — in
 * the alignment worker when there is one built, in-process otherwise — the
 * alignment index is written into a staging folder, and only a run that
 * finishes puts it in place and replaces the kept groups
 * (derived/library-alignment.jsonl). Aborting the signal stops the run
 * (the worker at once) and rejects with "The alignment was cancelled.",
 * leaving the previous index and groups as they were.
 */
import type { AlignedGroup } from '../../shared/alignment/alignPassages';
import { unpackGroups } from '../../shared/alignment/packedGroups';
import { alignStoredLibrary } from '../alignment/alignStoredLibrary';
import { ALIGN_CANCELLED, alignFolderInWorker, type WorkerPhase } from '../alignment/runAlignWorker';
import { stageAlignmentIndex, type StagedAlignmentIndex } from '../alignment/stageAlignmentIndex';
import type { StoredTextRef } from '../store/listStoredArticles';
import { largestFirst, writeKeptAlignment, type KeptLibraryAlignment } from './keptLibraryAlignment';

export interface WholeLibraryAlignOptions {
  /** The built alignment worker; null aligns in-process (small libraries, tests). */
  workerFile: string | null;
  signal?: AbortSignal;
  onProgress?: (phase: WorkerPhase, done: number, total: number) => void;
  /** Called once the run can no longer be cancelled (the index and groups are being put in place). */
  onSaving?: () => void;
  now?: () => Date;
}

export interface WholeLibraryAlignment {
  /** The groups in the order alignPassages gives them. */
  groups: AlignedGroup[];
  /** What was kept for the app (groups largest first). */
  kept: KeptLibraryAlignment;
}

/** `library`: the data folder's articles in library order (listStoredArticles, or the core's list). */
export async function alignWholeLibrary(dataDir: string, library: readonly StoredTextRef[], options: WholeLibraryAlignOptions): Promise<WholeLibraryAlignment> {
  const { signal } = options;
  let staged: StagedAlignmentIndex | null = null;
  try {
    staged = await stageAlignmentIndex(dataDir);
    const run = { onProgress: options.onProgress, signal, indexDataDir: staged.dataDir };
    let groups: AlignedGroup[];
    try {
      groups = options.workerFile !== null ? await alignFolderInWorker(options.workerFile, dataDir, library, run) : unpackGroups(await alignStoredLibrary(dataDir, library, run), library.map((a) => a.id));
    } catch (error) {
      throw signal?.aborted ? new Error(ALIGN_CANCELLED) : error;
    }
    if (signal?.aborted) throw new Error(ALIGN_CANCELLED);
    // From here the run finishes: the index and the groups are replaced together.
    options.onSaving?.();
    await staged.commit();
    staged = null;
    const kept: KeptLibraryAlignment = {
      finishedAt: (options.now?.() ?? new Date()).toISOString(),
      addedSince: 0,
      articles: library.map((a) => [a.id, a.hash]),
      groups: largestFirst(groups),
    };
    await writeKeptAlignment(dataDir, kept);
    return { groups, kept };
  } finally {
    await staged?.discard().catch(() => undefined);
  }
}
