/**
 * Aligning the whole library as a long job (issue 20): startLibraryAlignment
 * runs alignWholeLibrary (the CLI's `align` too) — in the alignment worker,
 * which reads the texts from the data folder itself (in-process when there is
 * no built worker) — getLibraryAlignmentStatus says
 * the phase and counts, cancelLibraryAlignment stops the worker at once.
 * Only a run that finishes replaces what is kept: the alignment index is
 * written into a staging folder and put in place at the end
 * (stageAlignmentIndex), the groups go to derived/library-alignment.jsonl
 * (keptLibraryAlignment); a cancelled or failed run leaves both as they were.
 *
 * alignImported: each article an import added is aligned against the kept
 * alignment's index in the background (alignAgainstIndex), one at a time and
 * after any full run, and its groups merged into the kept ones
 * (mergeArticleGroups) — the library is not aligned again. Failures become a
 * note in the status and a line on the notice channel, never the import's.
 */
import { currentVersion } from '../../shared/model/model';
import type { Output, TriangulateApi } from '../../shared/contract/contract';
import type { LibraryAlignmentPhase, LibraryAlignmentStatus } from '../../shared/contract/libraryAlignmentSchemas';
import type { CoreContext } from './coreContext';
import { alignAgainstIndex, type IndexedLibrary } from '../alignment/alignAgainstIndex';
import { AlignmentIndex } from '../alignment/alignmentIndex';
import { mergeArticleGroups } from '../alignment/mergeArticleGroups';
import { alignWholeLibrary } from './alignWholeLibrary';
import { largestFirst, readKeptAlignment, writeKeptAlignment, type KeptLibraryAlignment } from './keptLibraryAlignment';

export type LibraryAlignmentService = Pick<
  TriangulateApi,
  'startLibraryAlignment' | 'getLibraryAlignmentStatus' | 'cancelLibraryAlignment' | 'listLibraryPassages'
> & {
  /** Aligns the articles an import added against the kept alignment's index, in the background. */
  alignImported(articleIds: readonly string[]): void;
  /** Resolves once the background work queued so far is done (tests, close). */
  idle(): Promise<void>;
  /** Stops a running alignment and waits for the background work. */
  close(): Promise<void>;
};

export interface LibraryAlignmentOptions {
  dataDir: string;
  /** The built alignment worker; null aligns in-process (small libraries, tests). */
  workerFile: string | null;
  /** Where notes about background work go (default: stderr). */
  onNotice?: (line: string) => void;
}

/** Imported articles waiting to be aligned one by one at most; past that, aligning the library again is quicker. */
const MAX_WAITING = 2_000;
/** Notes kept in the status. */
const MAX_NOTES = 5;

interface Run {
  controller: AbortController;
  phase: LibraryAlignmentPhase;
  done: number;
  total: number;
  articlesRead: number;
  articles: number;
  startedAt: string;
  finished: Promise<void>;
}

export function createLibraryAlignmentService(ctx: CoreContext, options: LibraryAlignmentOptions): LibraryAlignmentService {
  const { dataDir } = options;
  const notice = options.onNotice ?? ((line: string) => process.stderr.write(`${line}\n`));
  let run: Run | null = null;
  let outcome: LibraryAlignmentStatus['outcome'] = null;
  const notes: string[] = [];
  /** The kept alignment as last read or written (undefined: not read yet). */
  let kept: KeptLibraryAlignment | null | undefined;
  /** Background work (incremental alignments), one after another. */
  let queue: Promise<void> = Promise.resolve();
  let waiting = 0;
  let skipped = 0;

  const loadKept = async (): Promise<KeptLibraryAlignment | null> => {
    if (kept === undefined) kept = await readKeptAlignment(dataDir);
    return kept;
  };

  const keptSummary = (k: KeptLibraryAlignment | null): LibraryAlignmentStatus['kept'] =>
    k && {
      finishedAt: k.finishedAt,
      articles: k.articles.length,
      groups: k.groups.length,
      passages: k.groups.reduce((n, g) => n + g.passages.length, 0),
      addedSince: k.addedSince,
    };

  const status = async (): Promise<LibraryAlignmentStatus> => ({
    running: run && {
      phase: run.phase,
      done: run.done,
      total: run.total,
      articlesRead: run.articlesRead,
      articles: run.articles,
      startedAt: run.startedAt,
      cancelling: run.controller.signal.aborted,
    },
    kept: keptSummary(await loadKept()),
    outcome,
    notes: [...notes],
  });

  const note = (line: string): void => {
    notes.push(line);
    while (notes.length > MAX_NOTES) notes.shift();
    notice(`triangulate: ${line}`);
  };

  async function alignLibrary(current: Run): Promise<void> {
    const { signal } = current.controller;
    const metas = ctx.store.articles();
    current.articles = metas.length;
    current.total = metas.length;
    try {
      const { kept: next } = await alignWholeLibrary(
        dataDir,
        metas.map((m) => ({ id: m.id, hash: m.hash, version: currentVersion(m) })),
        {
          workerFile: options.workerFile,
          signal,
          now: () => ctx.now(),
          onProgress: (phase, done, total) => {
            if (phase === 'reading') current.articlesRead = done;
            current.phase = phase;
            current.done = done;
            current.total = total;
          },
          onSaving: () => {
            current.phase = 'saving';
            current.done = 0;
            current.total = 1;
          },
        },
      );
      kept = next;
      const summary = keptSummary(next)!;
      outcome = {
        kind: 'done',
        at: next.finishedAt,
        message: `The library is aligned: ${count(summary.groups, 'group')} of shared passages over ${count(summary.articles, 'article')}.`,
      };
    } catch (error) {
      const previous = keptSummary(await loadKept());
      const keptNote = previous
        ? `The previous results (${count(previous.groups, 'group')} over ${count(previous.articles, 'article')}) are kept.`
        : 'There were no earlier results.';
      outcome = signal.aborted
        ? { kind: 'cancelled', at: ctx.now().toISOString(), message: `The alignment was cancelled. ${keptNote}` }
        : { kind: 'failed', at: ctx.now().toISOString(), message: `The alignment failed: ${error instanceof Error ? error.message : String(error)}. ${keptNote}` };
    }
  }

  async function alignOne(articleId: string): Promise<void> {
    const current = await loadKept();
    if (!current) return; // never aligned: nothing to add to
    const meta = ctx.store.articles().find((m) => m.id === articleId);
    if (!meta) return; // deleted meanwhile
    if (current.articles.some(([id, hash]) => id === articleId && hash === meta.hash)) return;
    const index = await AlignmentIndex.open(dataDir);
    try {
      if (index.empty) return;
      const metas = ctx.store.articles();
      const rank = new Map(metas.map((m, i) => [m.id, i]));
      const library: IndexedLibrary = {
        articles: metas.length,
        article: async (id) => {
          const m = rank.has(id) ? metas[rank.get(id)!] : undefined;
          return m && { text: await ctx.store.text(id), hash: m.hash };
        },
        order: (ids) => ids.filter((id) => rank.has(id)).sort((x, y) => rank.get(x)! - rank.get(y)!),
      };
      const groups = await alignAgainstIndex(index, { id: articleId, hash: meta.hash, text: await ctx.store.text(articleId) }, library);
      const next: KeptLibraryAlignment = {
        finishedAt: current.finishedAt,
        addedSince: current.addedSince + 1,
        articles: [...current.articles.filter(([id]) => id !== articleId), [articleId, meta.hash]],
        groups: largestFirst(mergeArticleGroups(current.groups, articleId, groups)),
      };
      if (kept !== current) return alignOne(articleId); // a full run replaced the kept groups meanwhile
      await writeKeptAlignment(dataDir, next);
      kept = next;
    } finally {
      await index.close();
    }
  }

  return {
    async startLibraryAlignment(): Promise<Output<'startLibraryAlignment'>> {
      ctx.ensureOpen();
      if (!run) {
        const current: Run = {
          controller: new AbortController(),
          phase: 'reading',
          done: 0,
          total: 0,
          articlesRead: 0,
          articles: ctx.store.articles().length,
          startedAt: ctx.now().toISOString(),
          finished: Promise.resolve(),
        };
        run = current;
        current.finished = alignLibrary(current).finally(() => {
          if (run === current) run = null;
        });
        // Imports aligned one by one wait for the full run (it may not have read them).
        queue = queue.then(() => current.finished);
      }
      return status();
    },

    async getLibraryAlignmentStatus(): Promise<Output<'getLibraryAlignmentStatus'>> {
      ctx.ensureOpen();
      return status();
    },

    async cancelLibraryAlignment(): Promise<Output<'cancelLibraryAlignment'>> {
      ctx.ensureOpen();
      if (run && run.phase !== 'saving') {
        const current = run;
        current.controller.abort();
        await current.finished;
      }
      return status();
    },

    async listLibraryPassages({ articleId, offset, limit }): Promise<Output<'listLibraryPassages'>> {
      ctx.ensureOpen();
      if (articleId !== undefined) ctx.requireArticle(articleId);
      const all = (await loadKept())?.groups ?? [];
      const numbered = all.map((g, i) => ({ id: `l${i}`, passages: g.passages }));
      const matching = articleId === undefined ? numbered : numbered.filter((g) => g.passages.some((p) => p.article === articleId));
      const from = offset ?? 0;
      return { total: matching.length, groups: matching.slice(from, from + (limit ?? 50)).map((g) => ({ id: g.id, passages: g.passages.map((p) => ({ ...p })) })) };
    },

    alignImported(articleIds) {
      for (const id of articleIds) {
        if (waiting >= MAX_WAITING) {
          skipped++;
          continue;
        }
        waiting++;
        queue = queue
          .then(() => alignOne(id))
          .catch((error: unknown) => note(`Could not align the imported article ${id} with the library: ${error instanceof Error ? error.message : String(error)}`))
          .finally(() => {
            waiting--;
            if (waiting === 0 && skipped > 0) {
              note(`${skipped.toLocaleString('en')} imported articles were not aligned one by one (too many at once): align the library again to include them.`);
              skipped = 0;
            }
          });
      }
    },

    idle: () => queue,

    async close() {
      run?.controller.abort();
      await run?.finished;
      await queue;
    },
  };
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}
