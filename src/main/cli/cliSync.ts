/**
 * `npm run cli -- sync --data DIR [--remote URL_OR_PATH] [--token T] [--coder NAME]`:
 * team sync (src/main/sync). The first time it links the data folder to the
 * remote and syncs; after that `sync --data DIR` syncs again. An empty or
 * missing data folder with --remote receives the team's library. Exit 0 when
 * synced (conflicts listed on stdout), 1 with one line on stderr otherwise.
 */
import { readFile, readdir, rmdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sameNameWarning } from '../../shared/coders/coderProfile';
import { defaultCreator } from '../core/defaultCreator';
import { unsupportedRemote } from '../core/remoteAddress';
import { acquireDataFolderLock } from '../store/dataFolderLock';
import { DataStore } from '../store/dataStore';
import { defaultDataDir } from '../store/defaultDataDir';
import { syncDataFolder, type SyncOptions } from '../sync/syncDataFolder';
import { oneLine, processIo, type CliCommand, type CliIo } from './cliIo';
import { coderName } from './coderName';
import { parseCommandArgs, usageError } from './parseCommandArgs';
import { cliCount } from './cliCount';

const NAME = 'triangulate sync';

export const SYNC_USAGE = `Usage: npm run cli -- sync [--data DIR] [--remote URL_OR_PATH] [--token T] [--coder NAME]

Syncs the data folder with the team's remote: commits this folder's changes
(with the coder as author), fetches the team's, merges them by annotation,
tag and group id, and pushes. Edits of one item on both sides keep the later
one; the other is listed here and kept in the conflicts file.
  --remote URL_OR_PATH  the team's remote: a bare git repository (or an empty
                        folder) on a shared drive, or an http(s) git address.
                        Needed the first time; an empty or missing data folder
                        receives the team's library
  --token T             token for an http(s) remote (kept in the folder's
                        .git/triangulate/, readable by you only); or set
                        TRIANGULATE_SYNC_TOKEN
  --coder NAME          the author of the commits (default: the library's coder)
  --data DIR            data folder (default: $TRIANGULATE_DATA, else the
                        per-user Triangulate folder)`;

const SYNC_COMMAND = {
  name: NAME,
  usage: SYNC_USAGE,
  options: { data: { type: 'string' }, remote: { type: 'string' }, token: { type: 'string' }, coder: { type: 'string' } },
} as const;

export interface SyncCliOptions {
  now?: () => Date;
  step?: SyncOptions['step'];
}

export async function runSync(args: string[], io: CliIo = processIo(), options: SyncCliOptions = {}): Promise<number> {
  const parsed = parseCommandArgs(SYNC_COMMAND, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const coder = values.coder === undefined ? undefined : coderName(values.coder);
  if (coder && !coder.ok) return usageError(SYNC_COMMAND, coder.problem, io);
  const unsupported = values.remote === undefined ? null : unsupportedRemote(values.remote);
  if (unsupported) {
    io.err(`${NAME}: ${unsupported}`);
    return 1;
  }
  const dataDir = resolve(io.cwd, values.data ?? defaultDataDir());
  const token = values.token ?? process.env.TRIANGULATE_SYNC_TOKEN;
  const existed = await stat(dataDir).then(() => true, () => false);
  try {
    const settings = await readSettings(dataDir);
    const name = (coder?.ok ? coder.name : undefined) ?? (settings?.creator || defaultCreator());
    // Sync writes the library: not while the app or the host has it open.
    const lock = await acquireDataFolderLock(dataDir);
    try {
      const report = await syncDataFolder({
        dataDir,
        remote: values.remote,
        token,
        coder: name,
        newSettings: coder?.ok ? { creator: name, coderChosen: true } : { creator: name },
        cwd: io.cwd,
        now: options.now,
        step: options.step,
      });
      const what = report.cloned
        ? `received the team's library (${report.received} files)`
        : `${report.received} file${report.received === 1 ? '' : 's'} changed here, ${report.sent ? 'changes sent' : 'nothing to send'}`;
      io.out(`Synced ${dataDir} with ${report.remote}: ${what}; ${cliCount(report.conflicts.length, 'conflict')}.`);
      for (const c of report.conflicts) {
        io.out(`conflict: ${c.kind} ${c.id} in ${c.file}: ${c.reason}; kept the ${c.kept} version${c.lost ? `, set aside: ${JSON.stringify(c.lost)}` : ''}`);
      }
      // A coder joining a team under a name the team's annotations already carry is warned (two coders under one name).
      if (report.cloned) {
        const warning = sameNameWarning(name, null, await annotationCreators(dataDir));
        if (warning) io.out(`warning: ${warning} Choose your name with --coder, or later in the app.`);
      }
      return 0;
    } finally {
      await lock.release();
    }
  } catch (error) {
    // A folder made for a library that could not be received is taken away again.
    if (!existed) await rmdir(dataDir).catch(() => undefined);
    io.err(`${NAME}: ${oneLine(error)}`);
    return 1;
  }
}

/** Who made the annotations of a data folder (read from its annotation files). */
async function annotationCreators(dataDir: string): Promise<string[]> {
  const names = new Set<string>();
  const folder = join(dataDir, 'annotations');
  for (const file of await readdir(folder).catch(() => [] as string[])) {
    if (!file.endsWith('.json')) continue;
    try {
      const value = JSON.parse(await readFile(join(folder, file), 'utf8')) as { annotations?: { creator?: unknown }[] };
      for (const a of value.annotations ?? []) if (typeof a.creator === 'string') names.add(a.creator);
    } catch {
      // A file the app would quarantine on opening: its names are not needed for a warning.
    }
  }
  return [...names];
}

async function readSettings(dataDir: string): Promise<{ creator?: string } | null> {
  try {
    return (JSON.parse(await readFile(DataStore.indexPath(dataDir), 'utf8')) as { settings?: { creator?: string } }).settings ?? null;
  } catch {
    return null;
  }
}

export const syncCommand: CliCommand = {
  summary: "Sync the data folder with the team's git remote (first time: --remote)",
  run: runSync,
};
