/**
 * The contract's shapes for team sync (issue 16): whether the data folder is
 * linked to a team remote, when it last synced, what is waiting on either
 * side, and the conflicts a merge set aside for the coder to review.
 */
import { z } from 'zod';

export const SyncConflictSchema = z.object({
  /** The data file (`annotations/<article>.json`, `index.json`, `links.json`, `texts/…`). */
  file: z.string(),
  kind: z.enum(['article', 'tag', 'annotation', 'unanchored annotation', 'group', 'credit', 'text']),
  id: z.string(),
  reason: z.string(),
  /** Whose version the data holds now. */
  kept: z.enum(['local', 'remote']),
  /** The version set aside (null: that side deleted the item). */
  lost: z.unknown(),
  /** ISO time of the sync that found it. */
  at: z.string(),
});

export const SyncStatusSchema = z.object({
  /** False: no team remote; the header shows nothing. */
  linked: z.boolean(),
  /** The remote's address (never the token). */
  remote: z.string().nullable(),
  lastSync: z.string().nullable(),
  /** Data files changed here since the last sync. */
  ahead: z.number().int().nonnegative(),
  /** Team commits not merged here, as of the last sync. */
  behind: z.number().int().nonnegative(),
  conflicts: z.array(SyncConflictSchema),
});

export const SyncNowOutputSchema = z.object({
  status: SyncStatusSchema,
  /** Data files the merge changed here. */
  received: z.number().int().nonnegative(),
  sent: z.boolean(),
  /** Conflicts this sync found. */
  newConflicts: z.number().int().nonnegative(),
  /** Articles whose annotations the merge changed (screens showing them fetch them again). */
  changedArticles: z.array(z.string()),
});
