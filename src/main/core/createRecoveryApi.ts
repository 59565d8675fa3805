/**
 * The API a transport serves when the data folder could not be opened
 * (createCore failed with corrupt_data, e.g. index.json is damaged): until
 * the folder is restored, getDataHealth and restoreFromBackup work and every
 * other method fails with corrupt_data and the original message. Once a
 * restore leaves the folder readable, it opens the real core and from then on
 * every call goes to that core. Transport-agnostic: the browser host and the
 * desktop app's IPC both serve it.
 */
import { ApiError } from '../../shared/contract/apiError';
import { type MethodName, type Output, type TriangulateApi } from '../../shared/contract/contract';
import { methodNames } from '../../shared/contract/methodNames';
import type { Core } from './createCore';
import { readDataHealth } from '../safety/readDataHealth';
import { recoverDataFolder } from '../safety/recoverDataFolder';

export interface RecoveryApiOptions {
  /** The data folder (absolute). */
  dataDir: string;
  /** Why it could not be opened: the corrupt_data message, naming the file. */
  reason: string;
  /** Opens the real core; called after each restore until it succeeds. */
  openCore: () => Promise<Core>;
  now?: () => Date;
}

export type RecoveryApi = TriangulateApi & {
  /** The real core once a restore opened it; null while the folder is still damaged. */
  core(): Core | null;
  /** Closes the real core, if open. */
  close(): Promise<void>;
};

type AnyMethod = (input: unknown) => Promise<unknown>;

export function createRecoveryApi(options: RecoveryApiOptions): RecoveryApi {
  let core: Core | null = null;
  let reason = options.reason;
  let restoring: Promise<unknown> = Promise.resolve();

  const restore = async (): Promise<Output<'restoreFromBackup'>> => {
    if (core) return core.restoreFromBackup({});
    const report = await recoverDataFolder(options.dataDir, { now: options.now });
    try {
      core = await options.openCore();
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'corrupt_data')) throw error;
      reason = error.message;
    }
    return report;
  };

  const recovering: Partial<Record<MethodName, AnyMethod>> = {
    getDataHealth: () => readDataHealth(options.dataDir),
    restoreFromBackup: () => {
      // One restore at a time; a failed one does not block the next.
      const run = restoring.then(restore, restore);
      restoring = run;
      return run;
    },
  };

  const api: Record<string, unknown> = {
    core: () => core,
    close: async () => {
      await restoring.catch(() => undefined);
      await core?.close();
    },
  };
  for (const method of methodNames) {
    api[method] = (input: unknown): Promise<unknown> => {
      if (core) return (core[method] as AnyMethod)(input);
      const own = recovering[method];
      return own ? own(input) : Promise.reject(new ApiError('corrupt_data', reason));
    };
  }
  return api as unknown as RecoveryApi;
}
