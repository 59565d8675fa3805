/**
 * The command line's undo history of people-index corrections
 * (`speakers --merge/--rename/--split/--kind`, undone by `speakers --undo`):
 * which corrections each run stored, oldest first, in
 * `<data>/cli-undo.json`. Like the app's undo history (kept in the window,
 * for the changes made in it), it belongs to where the changes were made:
 * the file stays on this machine (team sync and backups carry only the data
 * files) and the app never reads it. Written atomically; a damaged file is
 * refused with its name and is never written over.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { formatZodIssues } from '../../shared/contract/formatZodIssues';
import { EntityCorrectionSchema, type EntityCorrection } from '../../shared/crossArticle/entitySchemas';
import { writeFileAtomic } from '../store/writeFileAtomic';

export const CLI_HISTORY_FILE = 'cli-undo.json';
/** The most runs the history remembers (the oldest are forgotten first). */
export const CLI_HISTORY_MAX = 200;

const CliChangeSchema = z.object({
  /** ISO time of the run. */
  at: z.string(),
  /** What the run printed ("Merged … into …"). */
  said: z.string(),
  corrections: z.array(EntityCorrectionSchema).min(1),
});
export type CliChange = z.infer<typeof CliChangeSchema>;

const HistoryFileSchema = z.object({ schemaVersion: z.literal(1), changes: z.array(CliChangeSchema).max(CLI_HISTORY_MAX) });

export function cliHistoryPath(dataDir: string): string {
  return join(dataDir, CLI_HISTORY_FILE);
}

/** The runs that stored corrections, oldest first (none when the file does not exist). */
export async function readCliHistory(dataDir: string): Promise<CliChange[]> {
  const path = cliHistoryPath(dataDir);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new Error(`${path} is not JSON (damaged?); the command line's undo history cannot be read: move it away to start a new one`);
  }
  const parsed = HistoryFileSchema.safeParse(value);
  if (!parsed.success) throw new Error(`${path} is not a command-line undo history (${formatZodIssues(parsed.error)}): move it away to start a new one`);
  return parsed.data.changes;
}

export async function writeCliHistory(dataDir: string, changes: readonly CliChange[]): Promise<void> {
  const kept = changes.slice(-CLI_HISTORY_MAX);
  await writeFileAtomic(cliHistoryPath(dataDir), `${JSON.stringify({ schemaVersion: 1, changes: kept }, null, 2)}\n`);
}

/** A run's corrections, as stored. */
export function cliChange(said: string, corrections: readonly EntityCorrection[], at: Date): CliChange {
  return { at: at.toISOString(), said, corrections: corrections.map((c) => ({ ...c })) };
}
