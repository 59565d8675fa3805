/**
 * Team sync from the app (issue 16): getSyncStatus, syncNow and
 * dismissSyncConflicts over src/main/sync, and linkSyncRemote /
 * unlinkSyncRemote (the app's Team sync dialog). A sync holds the store's, the
 * links' and the people index's saves (they wait, none is lost) while it
 * replaces files, then has each read the data again. Linking is a first sync
 * with the remote given: a remote that cannot be reached, refuses the token,
 * holds no library or a newer one stops it before any data file is written.
 * The token is kept as the CLI keeps it (`.git/triangulate/token`, readable
 * by this account only) and never answered back; the coder is the commits' author.
 */
import { ApiError } from '../../shared/contract/apiError';
import type { Output, TriangulateApi } from '../../shared/contract/contract';
import { readSyncStatus } from '../sync/readSyncStatus';
import { conflictKey, dismissConflicts, forgetLink, readConflicts, readSyncRecord, readToken } from '../sync/syncState';
import { remoteAddress } from './remoteAddress';
import type { EntityStore } from '../store/entityStore';
import type { CoreContext } from './coreContext';

type SyncMethods = Pick<TriangulateApi, 'getSyncStatus' | 'syncNow' | 'dismissSyncConflicts' | 'linkSyncRemote' | 'unlinkSyncRemote'>;

export function createSyncService(ctx: CoreContext, dataDir: string, entityStore: Pick<EntityStore, 'holdWrites'>): SyncMethods {
  let running: Promise<Output<'syncNow'>> | null = null;
  const status = async (): Promise<Output<'getSyncStatus'>> => {
    const read = await readSyncStatus(dataDir);
    // Conflicts stay to review after an unlink too (the Team sync dialog lists them).
    const conflicts = read.linked ? read.conflicts : await readConflicts(dataDir);
    return { ...read, conflicts: conflicts.map((c) => ({ ...c, key: conflictKey(c) })), tokenKept: (await readToken(dataDir)) !== null };
  };

  const sync = async (link?: { remote: string; token?: string | null }): Promise<Output<'syncNow'>> => {
    if (!link && !(await readSyncRecord(dataDir))) {
      throw new ApiError('invalid_input', `The data folder ${dataDir} is not linked to a team remote: link it with More → Team sync…, or "npm run cli -- sync --data ${dataDir} --remote URL_OR_PATH".`);
    }
    // Loaded on first use: isomorphic-git alone is a fifth of the host's start (issue 20).
    const [{ syncDataFolder }, { SyncError }] = await Promise.all([import('../sync/syncDataFolder'), import('../sync/syncRemote')]);
    const store = await ctx.store.holdWrites();
    const links = await ctx.links.holdWrites();
    const entities = await entityStore.holdWrites();
    try {
      const report = await syncDataFolder({ dataDir, ...link, coder: ctx.creator(), newSettings: { ...ctx.store.settings() }, now: ctx.now });
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
    linkSyncRemote: async (input) => {
      ctx.ensureOpen();
      const link = remoteAddress(input.remote, input.token);
      if (running) await running.catch(() => undefined);
      running = sync(link).finally(() => (running = null));
      return running;
    },
    unlinkSyncRemote: async () => {
      ctx.ensureOpen();
      if (running) await running.catch(() => undefined);
      await forgetLink(dataDir);
      return status();
    },
    dismissSyncConflicts: async () => {
      ctx.ensureOpen();
      await dismissConflicts(dataDir);
      return status();
    },
  };
}
