/**
 * Test support for team sync (not part of the app): temp folders for two
 * coders' data folders and their remote, a core per coder, and the shared
 * contents of a data folder (its data files, index.json without the coder's
 * own settings) to compare two coders' folders by; `useTeamFolders` gives
 * each test a fresh root with an empty remote/, one clock, and a core and a
 * sync per coder.
 */
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createCore, type Core } from '../../src/main/core/createCore';
import { listDataFiles } from '../../src/main/store/listDataFiles';
import { syncDataFolder } from '../../src/main/sync/syncDataFolder';
import { SEED_CORPUS } from './useTestLibrary';

export async function tempFolder(prefix = 'triangulate-sync-'): Promise<string> {
  return fs.mkdtemp(join(tmpdir(), prefix));
}

/** A core for `coder` on `dataDir` (the seed corpus when the folder is empty); the clock is `now`. */
export function coderCore(dataDir: string, coder: string, now: () => Date, newId: () => string): Promise<Core> {
  return createCore({
    dataDir,
    corpusDir: SEED_CORPUS,
    creator: coder,
    now,
    newId,
    alignWorkerFile: null,
    importWorkerFile: null,
    backups: false,
    countsDelayMs: 0,
  });
}

/** The folder's shared data: each data file's JSON, index.json without its settings. */
export async function sharedContents(dataDir: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const file of await listDataFiles(dataDir)) {
    const value = JSON.parse(await fs.readFile(join(dataDir, file), 'utf8')) as Record<string, unknown>;
    if (file === 'index.json') delete value.settings;
    out[file] = value;
  }
  return out;
}

export interface TeamFolders {
  /** This test's temp folder: remote/ (empty at the start) and one data folder per coder, root/<coder>. */
  readonly root: string;
  /** One clock for every core and sync of the test: a second later at each reading (from 2025-01-01). */
  now: () => Date;
  /** A core for `coder` on root/<coder>; its new ids are the coder's initial and the clock's next tick. */
  core(coder: string): Promise<Core>;
  /** Syncs root/<coder> with root/remote; `{ remote: false }` syncs with the remote the folder is linked to already. */
  sync(coder: string, options?: { remote?: boolean }): ReturnType<typeof syncDataFolder>;
}

/** Registers beforeEach/afterEach hooks that make (and remove) a fresh TeamFolders root for each test. */
export function useTeamFolders(): TeamFolders {
  let root = '';
  let clock = 0;
  const now = () => new Date(Date.UTC(2025, 0, 1, 0, 0, clock++));
  beforeEach(async () => {
    root = await tempFolder();
    clock = 0;
    await fs.mkdir(join(root, 'remote'));
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });
  return {
    get root() {
      return root;
    },
    now,
    core: (coder) => coderCore(join(root, coder), coder, now, () => `${coder[0]}${clock++}`),
    sync: (coder, { remote = true } = {}) =>
      syncDataFolder({ dataDir: join(root, coder), ...(remote ? { remote: join(root, 'remote') } : {}), coder, newSettings: { creator: coder }, now }),
  };
}
