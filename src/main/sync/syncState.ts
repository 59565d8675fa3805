/**
 * Sync's own record on this machine, in `<data>/.git/triangulate/`:
 * state.json (the remote's address, the last sync), token (the remote's
 * token, readable by the owner only) and conflicts.json (what merges set
 * aside, for the coder to review: each entry holds the version that was not
 * kept, so nothing written is lost). Never shared, never backed up.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../store/writeFileAtomic';
import type { SyncConflict } from './mergeDataFile';
import { syncStateDir } from './syncLayout';

export interface SyncRecord {
  remote: string;
  /** ISO time of the last sync that finished. */
  lastSync: string | null;
  /** Remote commits not merged here as of the last fetch (0 after a sync). */
  behind: number;
}

export interface StoredConflict extends SyncConflict {
  /** ISO time of the sync that found it. */
  at: string;
}

/** At most this many conflicts are kept (the oldest go first). */
const MAX_CONFLICTS = 1_000;

export async function readSyncRecord(dataDir: string): Promise<SyncRecord | null> {
  try {
    const value = JSON.parse(await readFile(join(syncStateDir(dataDir), 'state.json'), 'utf8')) as Partial<SyncRecord>;
    if (typeof value.remote !== 'string') return null;
    return { remote: value.remote, lastSync: value.lastSync ?? null, behind: value.behind ?? 0 };
  } catch {
    return null;
  }
}

export async function writeSyncRecord(dataDir: string, record: SyncRecord): Promise<void> {
  await mkdir(syncStateDir(dataDir), { recursive: true });
  await writeFileAtomic(join(syncStateDir(dataDir), 'state.json'), `${JSON.stringify(record, null, 2)}\n`);
}

export async function readToken(dataDir: string): Promise<string | null> {
  return readFile(join(syncStateDir(dataDir), 'token'), 'utf8').then(
    (t) => t.trim() || null,
    () => null,
  );
}

/** Keeps the token for later syncs, readable by this account only; null removes it. */
export async function writeToken(dataDir: string, token: string | null): Promise<void> {
  const file = join(syncStateDir(dataDir), 'token');
  if (token === null) return void (await rm(file, { force: true }));
  await mkdir(syncStateDir(dataDir), { recursive: true });
  const handle = await open(file, 'w', 0o600);
  try {
    await handle.chmod(0o600);
    await handle.writeFile(token);
  } finally {
    await handle.close();
  }
}

export async function readConflicts(dataDir: string): Promise<StoredConflict[]> {
  try {
    const value = JSON.parse(await readFile(join(syncStateDir(dataDir), 'conflicts.json'), 'utf8')) as { conflicts?: StoredConflict[] };
    return Array.isArray(value.conflicts) ? value.conflicts : [];
  } catch {
    return [];
  }
}

/** Adds what a sync set aside (a conflict found again by a sync run a second time is kept once). */
export async function addConflicts(dataDir: string, found: readonly SyncConflict[], at: string): Promise<void> {
  if (found.length === 0) return;
  const kept = await readConflicts(dataDir);
  const key = (c: SyncConflict): string => JSON.stringify([c.file, c.kind, c.id, c.reason, c.lost]);
  const known = new Set(kept.map(key));
  const added = found.filter((c) => !known.has(key(c))).map((c) => ({ ...c, at }));
  await saveConflicts(dataDir, [...kept, ...added].slice(-MAX_CONFLICTS));
}

/** Forgets the conflicts once reviewed. */
export async function dismissConflicts(dataDir: string): Promise<void> {
  await saveConflicts(dataDir, []);
}

/** A conflict's name for the app's review (the same for the same stored conflict on every read). */
export function conflictKey(conflict: StoredConflict): string {
  return createHash('sha256')
    .update(JSON.stringify([conflict.file, conflict.kind, conflict.id, conflict.reason, conflict.kept, conflict.lost, conflict.at]))
    .digest('hex')
    .slice(0, 24);
}

/** Forgets one reviewed conflict; false when no conflict has that key (reviewed already). */
export async function removeConflict(dataDir: string, key: string): Promise<boolean> {
  const kept = await readConflicts(dataDir);
  const left = kept.filter((c) => conflictKey(c) !== key);
  if (left.length === kept.length) return false;
  await saveConflicts(dataDir, left);
  return true;
}

/**
 * Unlinks the data folder from its remote: the record and the token go, the
 * repository's history and the conflicts to review stay (linking again
 * continues from them). The data files are not touched.
 */
export async function forgetLink(dataDir: string): Promise<void> {
  await rm(join(syncStateDir(dataDir), 'token'), { force: true });
  await rm(join(syncStateDir(dataDir), 'state.json'), { force: true });
}

async function saveConflicts(dataDir: string, conflicts: StoredConflict[]): Promise<void> {
  await mkdir(syncStateDir(dataDir), { recursive: true });
  await writeFileAtomic(join(syncStateDir(dataDir), 'conflicts.json'), `${JSON.stringify({ conflicts }, null, 2)}\n`);
}
