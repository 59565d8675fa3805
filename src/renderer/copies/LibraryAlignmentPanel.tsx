/**
 * Shared passages across the whole library: the kept alignment (when, how
 * many groups over how many articles, articles added since one by one), a
 * button that aligns the library again in the core's worker, a progress bar
 * with the phase and counts and a Cancel button while it runs, how the last
 * run ended (a cancelled one says the previous results are kept), and the
 * largest groups of the kept alignment.
 */
import { excerpt } from '../components/excerpt';
import { alignmentProgressText, alignmentProgressValue } from './alignmentProgressText';
import { useLibraryAlignment } from './useLibraryAlignment';
import { formatCount } from '../components/formatCount';
import { formatDateTime } from '../components/formatDateTime';

function when(iso: string): string {
  return formatDateTime(iso);
}

export function LibraryAlignmentPanel() {
  const { status, passages, start, cancel } = useLibraryAlignment();
  const run = status?.running ?? null;
  const kept = status?.kept ?? null;
  const [value, max] = run ? alignmentProgressValue(run) : [0, 1];

  return (
    <section className="library-alignment" aria-labelledby="library-alignment-heading">
      <h2 id="library-alignment-heading">Shared passages across the library</h2>
      <p className="library-alignment__kept">
        {status === null
          ? 'Reading the last alignment…'
          : kept
            ? `Last aligned ${when(kept.finishedAt)}: ${formatCount(kept.groups, 'group')} of shared passages over ${formatCount(kept.articles, 'article')}` +
              (kept.addedSince > 0 ? ` (${formatCount(kept.addedSince)} imported since, aligned one by one).` : '.')
            : 'The library has not been aligned yet. Aligning finds the passages articles share, exactly or nearly; later imports are then aligned one by one.'}
      </p>
      {run ? (
        <div className="library-alignment__run">
          <p id="library-alignment-phase" role="status">
            {alignmentProgressText(run)}
          </p>
          <progress max={max} value={value} aria-label="Alignment progress" aria-describedby="library-alignment-phase" />
          <button type="button" className="secondary-button" onClick={cancel} disabled={run.cancelling}>
            Cancel alignment
          </button>
        </div>
      ) : (
        <div className="library-alignment__run">
          {status?.outcome ? (
            <p role="status" className={`library-alignment__outcome library-alignment__outcome--${status.outcome.kind}`}>
              {status.outcome.message}
            </p>
          ) : null}
          <button type="button" className="secondary-button" onClick={start} disabled={status === null}>
            {kept ? 'Align the library again' : 'Align the library'}
          </button>
        </div>
      )}
      {status?.notes.length ? (
        <ul className="library-alignment__notes" aria-label="Alignment notes">
          {status.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      ) : null}
      {kept && passages && passages.groups.length > 0 ? (
        <ol className="library-alignment__groups" aria-label="Largest shared passages">
          {passages.groups.map((g) => (
            <li key={g.id}>
              <strong>{new Set(g.passages.map((p) => p.article)).size} articles</strong>: “{excerpt(g.passages[0]!.exact, 140)}”
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
