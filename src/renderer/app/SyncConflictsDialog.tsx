/**
 * Conflicts to review (issue 16): each item a sync could not keep both
 * versions of — which article and annotation (or tag, group, credit), why,
 * and the two versions side by side: the one the data holds now and the one
 * set aside, each with who changed it and when, the rows that differ marked.
 * "Restore the set-aside version" puts that version in place (a set-aside
 * deletion deletes the item); "Keep this version" forgets the conflict.
 * Either is shared by the next sync. Keyboard: Tab walks the buttons, Escape
 * closes; the focus stays on the list after each choice.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Output } from '../../shared/contract/contract';
import { getApi } from '../api/getApi';
import { announceDataChanged } from './dataChanged';
import { errorMessage } from './errorMessage';
import { ModalDialog } from '../components/ModalDialog';
import { formatDateTime } from '../components/formatDateTime';
import './sync.css';

type Review = Output<'getSyncConflicts'>['conflicts'][number];
type Version = Review['current'];

export interface SyncConflictsDialogProps {
  onClose: () => void;
}

export function SyncConflictsDialog({ onClose }: SyncConflictsDialogProps) {
  const id = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const [conflicts, setConflicts] = useState<Review[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  /** Set by a choice: once the list is drawn again and its buttons enabled, the focus moves on. */
  const focusNext = useRef(false);
  useEffect(() => {
    if (!focusNext.current || busy !== null) return;
    focusNext.current = false;
    // The focus goes to the next conflict's first button (or the close button).
    (listRef.current?.querySelector<HTMLButtonElement>('button') ?? closeRef.current)?.focus();
  });
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(() => {
    getApi()
      .getSyncConflicts({})
      .then(
        (r) => setConflicts(r.conflicts),
        (error: unknown) => setProblem(errorMessage('Could not read the conflicts', error)),
      );
  }, []);
  useEffect(() => {
    load();
  }, [load]);

  const act = async (c: Review, how: 'restore' | 'keep') => {
    if (busy) return;
    setBusy(c.key);
    setProblem(null);
    try {
      if (how === 'restore') {
        const result = await getApi().restoreSyncConflict({ key: c.key });
        announceDataChanged({ articleIds: result.changedArticles });
      } else {
        await getApi().dismissSyncConflict({ key: c.key });
        announceDataChanged({ articleIds: [] });
      }
      setConflicts((list) => list?.filter((x) => x.key !== c.key) ?? null);
      focusNext.current = true;
    } catch (error) {
      setProblem(errorMessage(how === 'restore' ? 'Could not restore the set-aside version' : 'Could not mark the conflict reviewed', error));
      load();
    } finally {
      setBusy(null);
    }
  };

  const keepAll = async () => {
    if (busy) return;
    setBusy('all');
    setProblem(null);
    try {
      await getApi().dismissSyncConflicts({});
      announceDataChanged({ articleIds: [] });
      setConflicts([]);
    } catch (error) {
      setProblem(errorMessage('Could not mark the conflicts reviewed', error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <ModalDialog
      className="sync-conflicts"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
    >
      <div className="sync-conflicts__head">
        <h2 id={`${id}-title`}>Sync conflicts to review</h2>
        <div className="sync-conflicts__actions">
          {conflicts && conflicts.length > 1 ? (
            <button type="button" className="secondary-button" disabled={busy !== null} onClick={() => void keepAll()}>
              Keep all versions in your data
            </button>
          ) : null}
          <button ref={closeRef} type="button" className="secondary-button sync-conflicts__close" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      <p className="muted">
        Each item was changed on both sides, or changed on one and deleted on the other. Sync kept the later version in your data and set the other
        aside. Keep what your data holds, or restore the set-aside version; the next sync shares your choice with the team.
      </p>
      {problem ? (
        <p role="alert" className="team-sync-dialog__problem">
          {problem}
        </p>
      ) : null}
      {conflicts === null ? (
        <p role="status">Loading…</p>
      ) : conflicts.length === 0 ? (
        <p role="status">No conflicts to review.</p>
      ) : (
        <ol ref={listRef} className="sync-conflicts__list" aria-label="Conflicts">
          {conflicts.map((c) => (
            <li key={c.key} className="sync-conflicts__item" aria-labelledby={`${id}-${c.key}`}>
              <h3 id={`${id}-${c.key}`}>
                {title(c)} <span className="muted">— {c.reason}</span>
              </h3>
              <p className="sync-conflicts__where muted">
                {c.file} · found by the sync of {when(c.at)}
              </p>
              <div className="sync-conflicts__sides">
                <Side label={`In your data now (${c.kept === 'local' ? 'made here' : 'the team’s'})`} version={c.current} other={c.setAside} missing="Not in your data (deleted)." />
                <Side label={`Set aside (${c.kept === 'local' ? 'the team’s' : 'made here'})`} version={c.setAside} other={c.current} missing="A deletion: that side deleted it." aside />
              </div>
              {c.why ? <p className="sync-conflicts__why">{c.why}</p> : null}
              <div className="sync-conflicts__actions">
                {c.restorable ? (
                  <button type="button" className="primary-button" disabled={busy !== null} onClick={() => void act(c, 'restore')}>
                    {c.setAside === null ? 'Restore the set-aside deletion' : 'Restore the set-aside version'}
                  </button>
                ) : null}
                <button type="button" className="secondary-button" disabled={busy !== null} onClick={() => void act(c, 'keep')}>
                  Keep the version in your data
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </ModalDialog>
  );
}

function Side({ label, version, other, missing, aside }: { label: string; version: Version; other: Version; missing: string; aside?: boolean }) {
  const otherValue = (name: string) => other?.fields.find((f) => f.label === name)?.value;
  return (
    <section className={`sync-conflicts__side${aside ? ' sync-conflicts__side--aside' : ''}`} aria-label={label}>
      <h4>{label}</h4>
      {version === null ? (
        <p className="muted">{missing}</p>
      ) : (
        <>
          <p className="sync-conflicts__by">
            {version.by ? `by ${version.by}` : 'by —'}
            {version.at ? `, ${when(version.at)}` : ''}
          </p>
          <dl>
            {version.fields.map((f) => {
              const differs = other !== null && otherValue(f.label) !== f.value;
              return (
                <div key={f.label} className={differs ? 'sync-conflicts__differs' : undefined}>
                  <dt>
                    {f.label}
                    {differs ? <span className="visually-hidden"> (differs)</span> : null}
                  </dt>
                  <dd>{f.value === '' ? '—' : f.value}</dd>
                </div>
              );
            })}
          </dl>
        </>
      )}
    </section>
  );
}

function title(c: Review): string {
  const kind = c.kind.charAt(0).toUpperCase() + c.kind.slice(1);
  if (c.articleId && c.kind !== 'article') return `${kind} in “${c.articleTitle ?? c.articleId}”`;
  if (c.kind === 'article') return `Article “${c.articleTitle ?? c.id}”`;
  return `${kind} ${c.id}`;
}

function when(iso: string): string {
  return formatDateTime(iso);
}
