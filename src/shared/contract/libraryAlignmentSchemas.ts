/**
 * The contract's shapes for aligning the whole library (issue 20): a long
 * job in the core, started by one call, read by polling its status (the way
 * the UI follows a sync through getSyncStatus), cancelled by another call.
 * The groups of the last finished alignment are kept (derived data) and
 * listed page by page; articles imported since are aligned against the
 * alignment index one by one and added to them.
 */
import { z } from 'zod';
import { ArticleIdSchema } from '../model/model';
import { AlignedGroupSchema } from '../crossArticle/crossArticle';

/** What the running alignment is doing now, in order. */
export const LibraryAlignmentPhaseSchema = z.enum(['reading', 'passages', 'quotes', 'grouping', 'indexing', 'saving']);
export type LibraryAlignmentPhase = z.infer<typeof LibraryAlignmentPhaseSchema>;

export const LibraryAlignmentRunSchema = z.object({
  phase: LibraryAlignmentPhaseSchema,
  /** Steps of the phase done, of `total` (articles while reading and indexing; 0 or 1 in the others). */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Articles read so far, of `articles`. */
  articlesRead: z.number().int().nonnegative(),
  articles: z.number().int().nonnegative(),
  /** ISO time the run started. */
  startedAt: z.string(),
  /** Cancel was asked; the worker is being stopped. */
  cancelling: z.boolean(),
});

/** The alignment whose groups are kept (listLibraryPassages). */
export const LibraryAlignmentResultSchema = z.object({
  /** ISO time the full alignment finished. */
  finishedAt: z.string(),
  /** Articles aligned, those added one by one since included. */
  articles: z.number().int().nonnegative(),
  /** Groups of passages shared by two or more articles. */
  groups: z.number().int().nonnegative(),
  /** Passages in those groups. */
  passages: z.number().int().nonnegative(),
  /** Articles imported since the full alignment and aligned against its index. */
  addedSince: z.number().int().nonnegative(),
});

/** How the last run ended (null: none ended since the core started). */
export const LibraryAlignmentOutcomeSchema = z.object({
  kind: z.enum(['done', 'cancelled', 'failed']),
  at: z.string(),
  /** What to tell the researcher: what happened and what is kept. */
  message: z.string(),
});

export const LibraryAlignmentStatusSchema = z.object({
  /** The running alignment; null when none runs. */
  running: LibraryAlignmentRunSchema.nullable(),
  kept: LibraryAlignmentResultSchema.nullable(),
  outcome: LibraryAlignmentOutcomeSchema.nullable(),
  /** Notes from aligning imported articles (failures), newest last, a few at most. */
  notes: z.array(z.string()),
});
export type LibraryAlignmentStatus = z.infer<typeof LibraryAlignmentStatusSchema>;

export const ListLibraryPassagesInputSchema = z
  .object({
    /** Only the groups this article is in. */
    articleId: ArticleIdSchema.optional(),
    offset: z.number().int().nonnegative().max(10_000_000).optional(),
    /** Groups to return (default 50). */
    limit: z.number().int().positive().max(1_000).optional(),
  })
  .strict();

export const ListLibraryPassagesOutputSchema = z.object({
  /** Groups matching (before offset and limit), largest first. */
  total: z.number().int().nonnegative(),
  groups: z.array(AlignedGroupSchema),
});
