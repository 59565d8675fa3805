/**
 * The recovery banner: when files of the data folder are damaged, names each
 * with its problem, says what restoring from the latest backup loses and
 * offers "Restore from backup" (the damaged files are kept in the quarantine
 * folder). After a restore, says what was done until dismissed.
 */
import { restoreOutcome, whatWillBeLost } from './dataHealthText';
import type { DataHealthState } from './useDataHealth';
import { formatDateTime } from '../components/formatDateTime';

export function DataHealthBanner({ state, onRestored }: { state: DataHealthState; onRestored: () => void }) {
  const { health, report, restoring, failure } = state;
  const damaged = health?.damaged ?? [];
  if (damaged.length === 0 && !report && !failure) return null;
  const restore = async () => {
    if (await state.restore()) onRestored();
  };
  return (
    <section
      className={damaged.length === 0 && !failure ? 'data-health data-health--restored' : 'data-health'}
      role="alert"
      aria-label="Data folder recovery"
    >
      {damaged.length > 0 && (
        <>
          <p className="data-health__title">
            {damaged.length === 1 ? 'A data file is damaged' : 'Some data files are damaged'}; Triangulate left{' '}
            {damaged.length === 1 ? 'it' : 'them'} untouched.
          </p>
          <ul className="data-health__files">
            {damaged.map((d) => (
              <li key={d.file}>
                <code>{d.file}</code> {d.problem}
              </li>
            ))}
          </ul>
          {health?.latestBackup ? (
            <>
              <p>
                The latest backup was made {formatDateTime(health.latestBackup.time)}.{' '}
                {whatWillBeLost(health).join(' ')}
              </p>
              <p>The damaged {damaged.length === 1 ? 'file is' : 'files are'} kept in the quarantine folder, never deleted.</p>
              <button type="button" className="primary-button" disabled={restoring} onClick={() => void restore()}>
                {restoring ? 'Restoring…' : 'Restore from backup'}
              </button>
            </>
          ) : (
            <p>There is no backup to restore from.</p>
          )}
        </>
      )}
      {report && (
        <p className="data-health__outcome">
          {restoreOutcome(report)}{' '}
          <button type="button" className="error-banner__dismiss" onClick={state.dismissReport}>
            Dismiss
          </button>
        </p>
      )}
      {failure && <p className="data-health__failure">{failure}</p>}
    </section>
  );
}
