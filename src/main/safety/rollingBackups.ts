/**
 * Rolling backups while a data folder is open: one backup right away (when
 * the files differ from the newest backup), then a look every `intervalMs`
 * (default 5 minutes) that makes one only when a data file changed since the
 * last (by the size and modification time of index.json and links.json and
 * the modification time of texts/ and annotations/, which every save changes
 * as it renames its new file into place: an idle library costs four stat
 * calls, however many articles it holds). Everything runs in the background, never inside a save; the timer
 * does not keep the process alive. At most one backup runs at a time; close()
 * stops the timer and waits for a backup in progress, up to closeWaitMs, then stops it (its partial
 * copy removed; one not started yet is dropped).
 * The fingerprint of the files the newest backup holds is kept in it
 * (backups/<time>/.fingerprint), so a start on an unchanged folder reads no
 * data file (a large library is not read in full at every start).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { listBackups } from './listBackups';
import { DATA_FILES, DATA_FOLDERS } from '../store/listDataFiles';
import { makeBackup, type BackupOutcome } from './makeBackup';
import { writeFileAtomic } from '../store/writeFileAtomic';

export interface RollingBackupOptions {
  /** Time between looks for changes, in ms. Default 5 minutes. */
  intervalMs?: number;
  /** How many backups to keep. Default 10. */
  keep?: number;
  now?: () => Date;
  /** Called when a backup fails (the data itself is not affected). Default: one line to stderr. */
  onError?: (error: unknown) => void;
  /** Told which files a backup left out because they failed their checks (damaged). */
  onSkipped?: (skipped: BackupOutcome['skipped']) => void;
  /** Waits this long before the first look (so a start-up is not slowed by it). Default 0. */
  startDelayMs?: number;
  /** How long close() waits for a backup under way before stopping it. Default 10 s. */
  closeWaitMs?: number;
  /** Awaited between a backup's steps (see MakeBackupOptions.giveWay). */
  giveWay?: () => Promise<void>;
}

export interface RollingBackups {
  /** Makes a backup now if the files changed (after any backup in progress). */
  backupNow(): Promise<BackupOutcome | null>;
  close(): Promise<void>;
}

export const DEFAULT_BACKUP_INTERVAL_MS = 5 * 60 * 1000;
export const DEFAULT_CLOSE_WAIT_MS = 10_000;

export function startRollingBackups(dataDir: string, options: RollingBackupOptions = {}): RollingBackups {
  const onError =
    options.onError ??
    ((error: unknown) =>
      console.error(`Triangulate: could not back up ${dataDir}: ${error instanceof Error ? error.message : String(error)}`));
  let running: Promise<BackupOutcome | null> = Promise.resolve(null);
  let lastFingerprint: string | null = null;
  let closed = false;
  const stop = new AbortController();

  const run = (): Promise<BackupOutcome | null> => {
    running = running.then(async () => {
      if (closed) return null;
      try {
        const before = await fingerprint(dataDir);
        lastFingerprint ??= await savedFingerprint(dataDir);
        if (before === lastFingerprint) return null;
        const outcome = await makeBackup(dataDir, { now: options.now, keep: options.keep, signal: stop.signal, giveWay: options.giveWay });
        // Taken before the copy: a save during the copy makes the next look back up again.
        lastFingerprint = before;
        await saveFingerprint(dataDir, before);
        if (outcome.skipped.length > 0) options.onSkipped?.(outcome.skipped);
        return outcome;
      } catch (error) {
        if (!stop.signal.aborted) onError(error);
        return null;
      }
    });
    return running;
  };

  let first: ReturnType<typeof setTimeout> | undefined;
  if (options.startDelayMs) {
    first = setTimeout(() => void run(), options.startDelayMs);
    first.unref();
  } else void run();
  const timer = setInterval(() => void run(), options.intervalMs ?? DEFAULT_BACKUP_INTERVAL_MS);
  timer.unref();

  return {
    backupNow: run,
    async close() {
      clearTimeout(first);
      clearInterval(timer);
      closed = true;
      // A backup under way is waited for (a command that opens and closes the folder still backs it up), but
      // not for long: the first backup of a very large library is stopped, its partial copy removed.
      const waited = setTimeout(() => stop.abort(), options.closeWaitMs ?? DEFAULT_CLOSE_WAIT_MS);
      await running;
      clearTimeout(waited);
    },
  };
}

const FINGERPRINT_FILE = '.fingerprint';

/** The fingerprint of the live files the newest backup holds, if it was recorded. */
async function savedFingerprint(dataDir: string): Promise<string | null> {
  const [newest] = await listBackups(dataDir);
  return newest ? readFile(join(newest.dir, FINGERPRINT_FILE), 'utf8').catch(() => null) : null;
}

async function saveFingerprint(dataDir: string, print: string): Promise<void> {
  const [newest] = await listBackups(dataDir);
  if (newest) await writeFileAtomic(join(newest.dir, FINGERPRINT_FILE), print);
}

/**
 * Size and modification time of the data files at the top of the folder, and
 * modification time of the folders of per-article files (saves write a
 * temporary file and rename it over the old one, which changes the folder).
 */
async function fingerprint(dataDir: string): Promise<string> {
  const parts: string[] = [];
  for (const name of [...DATA_FILES, ...DATA_FOLDERS]) {
    const info = await stat(join(dataDir, name)).catch(() => null);
    if (info) parts.push(`${name}:${info.isDirectory() ? 'dir' : info.size}:${info.mtimeMs}`);
  }
  return parts.join('\n');
}
