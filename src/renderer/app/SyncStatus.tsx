/**
 * The header's team sync status (issue 16), shown only when the data folder
 * is linked to a team remote: when it last synced, what waits on either side,
 * a Sync button, and the conflicts a merge set aside, listed for review.
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

type Status = Output<'getSyncStatus'>;

/** How often the status is read again while the app is open. */
const REFRESH_MS = 60_000;

export function SyncStatus() {
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
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
      : [status.lastSync ? `Synced ${since(status.lastSync)}` : 'Not synced yet', status.ahead > 0 ? `${status.ahead} to send` : null, status.behind > 0 ? `${status.behind} to receive` : null]
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
      {conflicts > 0 ? (
        <button type="button" className="sync-status__conflicts" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
          {conflicts} conflict{conflicts === 1 ? '' : 's'} to review
        </button>
      ) : null}
      {open && conflicts > 0 ? (
        <div className="sync-status__panel" role="dialog" aria-label="Sync conflicts">
          <p>Each item was changed on both sides (or changed on one, deleted on the other). The version below was set aside; the other one is in your data.</p>
          <ul>
            {status.conflicts.map((c, i) => (
              <li key={`${c.file}:${c.id}:${i}`}>
                <strong>
                  {c.kind} {c.id}
                </strong>{' '}
                ({c.reason}; kept the {c.kept === 'local' ? 'version made here' : "team's version"})
                <code>{c.lost === null ? 'deleted' : JSON.stringify(pick(c.lost))}</code>
              </li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() =>
              void getApi()
                .dismissSyncConflicts({})
                .then((next) => {
                  setStatus(next);
                  setOpen(false);
                })
            }
          >
            Mark reviewed
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** The fields of a set-aside item a coder recognises it by. */
function pick(lost: unknown): unknown {
  if (!lost || typeof lost !== 'object') return lost;
  const { exact, note, tagId, name, color, label, attributes } = lost as Record<string, unknown>;
  return Object.fromEntries(Object.entries({ exact, note, tagId, name, color, label, attributes }).filter(([, v]) => v !== undefined));
}

function since(iso: string): string {
  const minutes = Math.round((Date.now() - Date.parse(iso)) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : new Date(iso).toLocaleDateString();
}
