/**
 * What the header shows of team sync: the remote, the last sync, the data
 * files changed here since (by their size, time and inode, nothing read),
 * and the conflicts to review. A folder with no link answers linked: false.
 */
import { DataTreeCache } from './dataTree';
import { readConflicts, readSyncRecord, type StoredConflict } from './syncState';

export interface SyncStatus {
  linked: boolean;
  remote: string | null;
  lastSync: string | null;
  ahead: number;
  behind: number;
  conflicts: StoredConflict[];
}

export async function readSyncStatus(dataDir: string): Promise<SyncStatus> {
  const record = await readSyncRecord(dataDir);
  if (!record) return { linked: false, remote: null, lastSync: null, ahead: 0, behind: 0, conflicts: [] };
  const cache = await DataTreeCache.load(dataDir);
  return {
    linked: true,
    remote: record.remote,
    lastSync: record.lastSync,
    ahead: await cache.changedCount(dataDir),
    behind: record.behind,
    conflicts: await readConflicts(dataDir),
  };
}
