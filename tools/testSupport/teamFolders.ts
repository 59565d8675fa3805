/**
 * Test support for team sync (not part of the app): temp folders for two
 * coders' data folders and their remote, a core per coder, and the shared
 * contents of a data folder (its data files, index.json without the coder's
 * own settings) to compare two coders' folders by.
 */
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core/createCore';
import { listDataFiles } from '../../src/main/store/listDataFiles';
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
