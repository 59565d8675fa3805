/**
 * Rolling backups while a data folder is open: one backup right away (when
 * the files differ from the newest backup), then a look every `intervalMs`
 * (default 5 minutes) that makes one only when a data file changed since the
 * last (by size and modification time, so an idle library costs a few stat
 * calls). Everything runs in the background, never inside a save; the timer
 * does not keep the process alive. At most one backup runs at a time; close()
 * stops the timer and waits for a backup in progress (one not started yet is dropped).
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { listDataFiles } from './listDataFiles';
import { makeBackup, type BackupOutcome } from './makeBackup';

export interface RollingBackupOptions {
  /** Time between looks for changes, in ms. Default 5 minutes. */
  intervalMs?: number;
  /** How many backups to keep. Default 10. */
  keep?: number;
  now?: () => Date;
  /** Called when a backup fails (the data itself is not affected). Default: one line to stderr. */
  onError?: (error: unknown) => void;
}

export interface RollingBackups {
  /** Makes a backup now if the files changed (after any backup in progress). */
  backupNow(): Promise<BackupOutcome | null>;
  close(): Promise<void>;
}

export const DEFAULT_BACKUP_INTERVAL_MS = 5 * 60 * 1000;

export function startRollingBackups(dataDir: string, options: RollingBackupOptions = {}): RollingBackups {
  const onError =
    options.onError ??
    ((error: unknown) =>
      console.error(`Triangulate: could not back up ${dataDir}: ${error instanceof Error ? error.message : String(error)}`));
  let running: Promise<BackupOutcome | null> = Promise.resolve(null);
  let lastFingerprint: string | null = null;
  let closed = false;

  const run = (): Promise<BackupOutcome | null> => {
    running = running.then(async () => {
      if (closed) return null;
      try {
        const before = await fingerprint(dataDir);
        if (before === lastFingerprint) return null;
        const outcome = await makeBackup(dataDir, { now: options.now, keep: options.keep });
        // Taken before the copy: a save during the copy makes the next look back up again.
        lastFingerprint = before;
        return outcome;
      } catch (error) {
        onError(error);
        return null;
      }
    });
    return running;
  };

  void run();
  const timer = setInterval(() => void run(), options.intervalMs ?? DEFAULT_BACKUP_INTERVAL_MS);
  timer.unref();

  return {
    backupNow: run,
    async close() {
      clearInterval(timer);
      closed = true;
      await running;
    },
  };
}

/** Name, size and modification time of every data file. */
async function fingerprint(dataDir: string): Promise<string> {
  const parts: string[] = [];
  for (const file of await listDataFiles(dataDir)) {
    const info = await stat(join(dataDir, ...file.split('/'))).catch(() => null);
    if (info) parts.push(`${file}:${info.size}:${info.mtimeMs}`);
  }
  return parts.join('\n');
}
