/**
 * Team sync from the app (issue 16): getSyncStatus, syncNow and
 * dismissSyncConflicts over src/main/sync. A sync holds the store's, the
 * links' and the people index's saves (they wait, none is lost) while it
 * replaces files, then has each read the data again. Only a folder already linked (with the CLI's
 * `sync --remote`) syncs from here; the coder is the commits' author.
 */
import { ApiError } from '../../shared/contract/apiError';
import type { Output, TriangulateApi } from '../../shared/contract/contract';
import { readSyncStatus } from '../sync/readSyncStatus';
import { syncDataFolder } from '../sync/syncDataFolder';
import { SyncError } from '../sync/syncRemote';
import { dismissConflicts, readSyncRecord } from '../sync/syncState';
import type { EntityStore } from '../store/entityStore';
import type { CoreContext } from './coreContext';

type SyncMethods = Pick<TriangulateApi, 'getSyncStatus' | 'syncNow' | 'dismissSyncConflicts'>;

export function createSyncService(ctx: CoreContext, dataDir: string, entityStore: Pick<EntityStore, 'holdWrites'>): SyncMethods {
  let running: Promise<Output<'syncNow'>> | null = null;
  const status = async (): Promise<Output<'getSyncStatus'>> => readSyncStatus(dataDir);

  const sync = async (): Promise<Output<'syncNow'>> => {
    if (!(await readSyncRecord(dataDir))) {
      throw new ApiError('invalid_input', `The data folder ${dataDir} is not linked to a team remote: link it once with "npm run cli -- sync --data ${dataDir} --remote URL_OR_PATH".`);
    }
    const store = await ctx.store.holdWrites();
    const links = await ctx.links.holdWrites();
    const entities = await entityStore.holdWrites();
    try {
      const report = await syncDataFolder({ dataDir, coder: ctx.creator(), newSettings: { ...ctx.store.settings() }, now: ctx.now });
      return { status: await status(), received: report.received, sent: report.sent, newConflicts: report.conflicts.length, changedArticles: report.changedArticles };
    } catch (error) {
      throw error instanceof SyncError ? new ApiError('invalid_input', error.message) : error;
    } finally {
      // Whatever the sync got to, memory is read again from what is on disk.
      await store.reload().catch(() => undefined);
      links.reload();
      entities.reload();
      entities.release();
      links.release();
      store.release();
    }
  };

  return {
    getSyncStatus: async () => {
      ctx.ensureOpen();
      return status();
    },
    syncNow: async () => {
      ctx.ensureOpen();
      // One sync at a time: a second click joins the one under way.
      running ??= sync().finally(() => (running = null));
      return running;
    },
    dismissSyncConflicts: async () => {
      ctx.ensureOpen();
      await dismissConflicts(dataDir);
      return status();
    },
  };
}
