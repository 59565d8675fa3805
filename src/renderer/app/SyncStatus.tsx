/**
 * The header's team sync status (issue 16), shown only when the data folder
 * is linked to a team remote: when it last synced, what waits on either side,
 * a Sync button, the Team sync settings, and the conflicts a merge set aside
 * (the button opens their review, SyncConflictsDialog).
 * After a sync that changed files, the screens showing them fetch them again.
 * The status is read again after every change, one read at a time: changes
 * made while one is under way are counted by a single read after it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Output } from '../../shared/contract/contract';
import { getApi } from '../api/getApi';
import { announceDataChanged, useDataChanged } from './dataChanged';
import { errorMessage } from './errorMessage';
import './sync.css';
import { formatCount } from '../components/formatCount';
import { formatDateTime } from '../components/formatDateTime';

type Status = Output<'getSyncStatus'>;

/** How often the status is read again while the app is open. */
const REFRESH_MS = 60_000;

export interface SyncStatusProps {
  /** Opens the Team sync dialog (remote, token, unlink). */
  onOpenSettings: () => void;
  /** Opens the conflict review. */
  onReviewConflicts: () => void;
}

export function SyncStatus({ onOpenSettings, onReviewConflicts }: SyncStatusProps) {
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const reading = useRef({ running: false, again: false });
  const refresh = useCallback(() => {
    const state = reading.current;
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = true;
    const read = (): void => {
      void getApi()
        .getSyncStatus({})
        .then(setStatus, () => undefined)
        .finally(() => {
          if (!state.again) return void (state.running = false);
          state.again = false;
          read();
        });
    };
    read();
  }, []);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  useDataChanged(refresh);

  if (!status?.linked) return null;
  const syncNow = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await getApi().syncNow({});
      setStatus(result.status);
      if (result.received > 0) announceDataChanged({ articleIds: result.changedArticles });
    } catch (error) {
      setProblem(errorMessage('Sync failed', error));
    } finally {
      setBusy(false);
    }
  };
  const conflicts = status.conflicts.length;
  const summary = busy
    ? 'Syncing…'
    : problem
      ? 'Sync failed'
      : [status.lastSync ? `Synced ${since(status.lastSync)}` : 'Not synced yet', status.ahead > 0 ? `${formatCount(status.ahead)} to send` : null, status.behind > 0 ? `${formatCount(status.behind)} to receive` : null]
          .filter(Boolean)
          .join(' · ');
  return (
    <div className="sync-status" role="group" aria-label="Team sync">
      <span className="sync-status__text" role="status" title={problem ?? `Remote: ${status.remote ?? ''}`}>
        {summary}
      </span>
      <button type="button" className="sync-status__button" onClick={() => void syncNow()} disabled={busy}>
        Sync
      </button>
      <button type="button" className="sync-status__settings" aria-label="Team remote settings" title="Team remote settings" onClick={onOpenSettings}>
        <span aria-hidden="true">⚙</span>
      </button>
      {conflicts > 0 ? (
        <button type="button" className="sync-status__conflicts" aria-haspopup="dialog" onClick={onReviewConflicts}>
          {formatCount(conflicts, 'conflict')} to review
        </button>
      ) : null}
      {problem ? (
        <p role="alert" className="sync-status__panel">
          {problem}{' '}
          <button type="button" className="secondary-button" onClick={() => setProblem(null)}>
            Dismiss
          </button>
        </p>
      ) : null}
    </div>
  );
}

function since(iso: string): string {
  const minutes = Math.round((Date.now() - Date.parse(iso)) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : formatDateTime(iso, { time: false });
}
