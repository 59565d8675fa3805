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
  /** Names this conflict in restoreSyncConflict / dismissSyncConflict (absent from older hosts). */
  key: z.string().optional(),
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
  /** Whether a token for the remote is kept on this machine (the token itself never leaves the core). */
  tokenKept: z.boolean().optional(),
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

/** Links the data folder to a team remote (or moves it to another) and syncs once. */
export const LinkSyncRemoteInputSchema = z
  .object({
    /** The full path of a bare git repository (or an empty folder) on a shared drive, or an http(s) address. */
    remote: z.string().trim().min(1, 'Give the remote: a folder path or an https:// address.').max(2_000),
    /** The HTTPS remote's token; absent or empty: the one kept already (if any). Kept on this machine, never sent back. */
    token: z.string().max(4_000).optional(),
  })
  .strict();

/** One side of a conflict as the coder reads it: what the item says, who changed it and when. */
export const SyncConflictVersionSchema = z.object({
  /** Label / value rows (tag, text, note, attributes…), in the same order on both sides. */
  fields: z.array(z.object({ label: z.string(), value: z.string() })),
  by: z.string().nullable(),
  at: z.string().nullable(),
});

/** A conflict to review: the version the data holds now beside the one set aside. */
export const SyncConflictReviewSchema = z.object({
  key: z.string(),
  file: z.string(),
  kind: SyncConflictSchema.shape.kind,
  id: z.string(),
  reason: z.string(),
  /** Whose version the data held after the sync (local: this folder's). */
  kept: z.enum(['local', 'remote']),
  /** ISO time of the sync that found it. */
  at: z.string(),
  /** The article the item belongs to (annotations), with its title. */
  articleId: z.string().nullable(),
  articleTitle: z.string().nullable(),
  /** The item as the data holds it now; null: it is not in the data (deleted). */
  current: SyncConflictVersionSchema.nullable(),
  /** The version the merge set aside; null: that version is a deletion. */
  setAside: SyncConflictVersionSchema.nullable(),
  /** Whether restoreSyncConflict can put the set-aside version in place; else `why` says what to do. */
  restorable: z.boolean(),
  why: z.string().nullable(),
});

export const SyncConflictKeyInputSchema = z.object({ key: z.string().min(1).max(200) }).strict();

export const RestoreSyncConflictOutputSchema = z.object({
  status: SyncStatusSchema,
  /** Articles whose annotations changed (screens showing them fetch them again). */
  changedArticles: z.array(z.string()),
});
