/**
 * The data folder's health for the recovery banner, checked on `check()`:
 * when a call fails with corrupt_data (a damaged index stops the library from
 * loading, so that covers start-up too). Not at every start: the check reads
 * every data file, which a large library should not pay for when all is well.
 * `restore()` restores the damaged files from the backups and checks again.
 */
import { useCallback, useState } from 'react';
import type { DataHealth, RecoveryReport } from '../../shared/contract/dataHealth';
import { getApi } from '../api/getApi';
import { errorMessage } from '../app/errorMessage';

export interface DataHealthState {
  /** The latest check; null before the first answer. */
  health: DataHealth | null;
  /** What the last restore did; null before any. */
  report: RecoveryReport | null;
  restoring: boolean;
  /** Why the last check or restore failed. */
  failure: string | null;
  check(): void;
  /** Resolves true when the restore ran (whatever it could restore). */
  restore(): Promise<boolean>;
  dismissReport(): void;
}

export function useDataHealth(): DataHealthState {
  const [health, setHealth] = useState<DataHealth | null>(null);
  const [report, setReport] = useState<RecoveryReport | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const check = useCallback(() => {
    getApi()
      .getDataHealth({})
      .then(
        (h) => {
          setHealth(h);
          setFailure(null);
        },
        (err: unknown) => setFailure(errorMessage('Could not check the data folder', err)),
      );
  }, []);

  const restore = useCallback(async () => {
    setRestoring(true);
    try {
      setReport(await getApi().restoreFromBackup({}));
      setFailure(null);
      return true;
    } catch (err) {
      setFailure(errorMessage('Could not restore from the backup', err));
      return false;
    } finally {
      setRestoring(false);
      check();
    }
  }, [check]);

  const dismissReport = useCallback(() => setReport(null), []);
  return { health, report, restoring, failure, check, restore, dismissReport };
}
