/**
 * "Team sync" (issue 16): links the data folder to the team's remote — the
 * full path of a bare git repository (or an empty folder) on a shared drive,
 * or an https:// address with an optional token — and syncs once; unlinks it.
 * A remote that cannot be reached, refuses the token, holds no Triangulate
 * library or a newer one is refused with the core's message, and nothing in
 * the data folder changes. The token is sent to the core once and never
 * shown again (the status says only whether one is kept). Opened from the
 * header's More menu and the header's team sync group.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Output } from '../../shared/contract/contract';
import { getApi } from '../api/getApi';
import { announceDataChanged } from './dataChanged';
import { errorMessage } from './errorMessage';
import { ModalDialog } from '../components/ModalDialog';
import './sync.css';

type Status = Output<'getSyncStatus'>;

export interface TeamSyncDialogProps {
  onClose: () => void;
  onReviewConflicts: () => void;
}

export function TeamSyncDialog({ onClose, onReviewConflicts }: TeamSyncDialogProps) {
  const id = useId();
  const [status, setStatus] = useState<Status | null>(null);
  const [remote, setRemote] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState<null | 'link' | 'unlink'>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    getApi()
      .getSyncStatus({})
      .then(
        (s) => {
          setStatus(s);
          setRemote((typed) => typed || s.remote || '');
        },
        (error: unknown) => setProblem(errorMessage('Could not read the team sync status', error)),
      );
  }, []);

  const link = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy('link');
    setProblem(null);
    setDone(null);
    try {
      const result = await getApi().linkSyncRemote({ remote, ...(token.trim() ? { token } : {}) });
      setStatus(result.status);
      setToken('');
      setDone(
        `Linked to ${result.status.remote ?? remote} and synced: ${result.received} file${result.received === 1 ? '' : 's'} received, ${
          result.sent ? 'your changes sent' : 'nothing to send'
        }${result.newConflicts > 0 ? `, ${result.newConflicts} conflict${result.newConflicts === 1 ? '' : 's'} to review` : ''}.`,
      );
      announceDataChanged({ articleIds: result.changedArticles });
    } catch (error) {
      setProblem(`${errorMessage('Could not link the data folder', error)} Nothing in your data folder was changed.`);
    } finally {
      setBusy(null);
    }
  };

  const unlink = async () => {
    if (busy) return;
    setBusy('unlink');
    setProblem(null);
    setDone(null);
    try {
      const next = await getApi().unlinkSyncRemote({});
      setStatus(next);
      setDone('Unlinked: this data folder no longer syncs, and the kept token is forgotten. Your data stays as it is.');
      announceDataChanged({ articleIds: [] });
    } catch (error) {
      setProblem(errorMessage('Could not unlink the data folder', error));
    } finally {
      setBusy(null);
    }
  };

  const linked = status?.linked === true;
  const conflicts = status?.conflicts.length ?? 0;
  const isHttp = /^https?:\/\//i.test(remote.trim());
  return (
    <ModalDialog
      className="team-sync-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-state`}
      onClose={onClose}
    >
      <form onSubmit={(e) => void link(e)}>
        <h2 id={`${id}-title`}>Team sync</h2>
        <p id={`${id}-state`} className="muted">
          {status === null
            ? 'Reading the link…'
            : linked
              ? `This data folder syncs with ${status.remote ?? ''}${status.tokenKept ? ' (a token is kept on this computer)' : ''}.`
              : 'This data folder is not linked to a team remote. Link it to share annotations, codebook and groups with your team through git.'}
        </p>
        <div className="field">
          <label htmlFor={`${id}-remote`}>Team remote</label>
          <input
            id={`${id}-remote`}
            type="text"
            value={remote}
            required
            spellCheck={false}
            autoComplete="off"
            placeholder="/Volumes/Team/library.git"
            onChange={(e) => setRemote(e.target.value)}
            aria-describedby={`${id}-remote-help`}
            autoFocus
          />
          <p id={`${id}-remote-help`} className="team-sync-dialog__help">
            The full path of a bare git repository on a shared drive (an empty folder becomes one), or the https:// address of a git server, such as
            https://git.example.org/team/library.git.
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-token`}>Token (https only, optional)</label>
          <input
            id={`${id}-token`}
            type="password"
            value={token}
            autoComplete="off"
            disabled={!isHttp}
            placeholder={status?.tokenKept ? 'Leave empty to keep the kept token' : undefined}
            onChange={(e) => setToken(e.target.value)}
            aria-describedby={`${id}-token-help`}
          />
          <p id={`${id}-token-help`} className="team-sync-dialog__help">
            Kept on this computer only, in the data folder’s .git/triangulate/token, readable by your account; never shown again.
          </p>
        </div>
        {problem ? (
          <p role="alert" className="team-sync-dialog__problem">
            {problem}
          </p>
        ) : null}
        {done ? (
          <p role="status" className="team-sync-dialog__done">
            {done}
          </p>
        ) : null}
        {conflicts > 0 ? (
          <p>
            <button type="button" className="sync-status__conflicts secondary-button" onClick={onReviewConflicts}>
              Review {conflicts} conflict{conflicts === 1 ? '' : 's'}
            </button>
          </p>
        ) : null}
        <div className="team-sync-dialog__actions">
          <button type="submit" className="primary-button" disabled={remote.trim() === '' || busy !== null} aria-busy={busy === 'link' || undefined}>
            {busy === 'link' ? 'Syncing…' : linked ? 'Save and sync' : 'Link and sync'}
          </button>
          {linked ? (
            <button type="button" className="secondary-button" onClick={() => void unlink()} disabled={busy !== null}>
              Unlink
            </button>
          ) : null}
          <button type="button" className="secondary-button" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
