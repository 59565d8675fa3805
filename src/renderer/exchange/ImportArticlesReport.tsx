/**
 * What an article import did, shown in the library: a progress bar while it
 * runs, then how many articles came in, which files held texts the library
 * already had, each file that could not be imported with the reason, and
 * each article whose text may not be the whole article (too short for its page,
 * with "Import the whole page text instead"), and each article a changed text
 * became a new version of (annotations re-anchored, those not found listed).
 * Everything is shown as text.
 */
import type { ArticleImportReport } from '../../shared/contract/articleImport';
import { formatCount } from '../components/formatCount';

export interface ImportArticlesReportProps {
  progress: { done: number; total: number } | null;
  report: ArticleImportReport | null;
  onDismiss: () => void;
  /** Whether "Import the whole page text instead" can be offered for this warning. */
  canImportWholePage?: (warning: ArticleImportReport['warnings'][number]) => boolean;
  onImportWholePage?: (warning: ArticleImportReport['warnings'][number]) => void;
}


export function ImportArticlesReport({ progress, report, onDismiss, canImportWholePage, onImportWholePage }: ImportArticlesReportProps) {
  if (progress) {
    return (
      <div className="import-report" role="status">
        <p>{progress.total === 0 ? 'Reading the files…' : `Importing… ${formatCount(progress.done)} of ${formatCount(progress.total, 'file')}`}</p>
        <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label="Import progress" />
      </div>
    );
  }
  if (!report) return null;
  const { imported, duplicates, failures, warnings, versions } = report;
  return (
    <section className="import-report" aria-label="Import report">
      <div className="import-report__head">
        <p role="status" className="import-report__summary">
          {`Imported ${formatCount(imported.length, 'article')}.`}
          {versions.length > 0 ? ` ${formatCount(versions.length, 'new version')} of articles already held.` : ''}
          {duplicates.length > 0 ? ` ${formatCount(duplicates.length, 'duplicate')} not stored again.` : ''}
          {failures.length > 0 ? ` ${formatCount(failures.length, 'file')} could not be imported.` : ''}
        </p>
        <button type="button" className="secondary-button" onClick={onDismiss}>
          Close report
        </button>
      </div>
      {failures.length > 0 ? (
        <>
          <h2 className="import-report__title">Not imported</h2>
          <ul className="import-report__list import-report__list--failures">
            {failures.map((f, i) => (
              <li key={`${f.file}-${i}`}>
                <span className="import-report__file">{f.file}</span>: {f.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {warnings.length > 0 ? (
        <>
          <h2 className="import-report__title">Imported, but check the text</h2>
          <ul className="import-report__list import-report__list--warnings">
            {warnings.map((w, i) => (
              <li key={`${w.file}-${i}`}>
                <span className="import-report__file">{w.file}</span>: {w.message}
                {onImportWholePage && canImportWholePage?.(w) ? (
                  <>
                    {' '}
                    <button type="button" className="link-button" onClick={() => onImportWholePage(w)}>
                      Import the whole page text instead
                    </button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {versions.length > 0 ? (
        <>
          <h2 className="import-report__title">New versions of articles already held</h2>
          <ul className="import-report__list import-report__list--versions">
            {versions.map((v, i) => (
              <li key={`${v.file}-${i}`}>
                <span className="import-report__file">{v.file}</span>
                {`: version ${v.version} of “${v.title}” — ${formatCount(v.reanchored, 'annotation')} re-anchored`}
                {v.approximate > 0 ? ` (${formatCount(v.approximate)} approximately)` : ''}
                {v.unanchored.length > 0 ? `; ${formatCount(v.unanchored.length)} not found in the new text, kept with version ${v.unanchored[0]!.version}:` : '.'}
                {v.unanchored.length > 0 ? (
                  <ul>
                    {v.unanchored.map((a) => (
                      <li key={a.id}>{`“${a.exact}”`}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {duplicates.length > 0 ? (
        <>
          <h2 className="import-report__title">Already in the library</h2>
          <ul className="import-report__list">
            {duplicates.map((d, i) => (
              <li key={`${d.file}-${i}`}>
                <span className="import-report__file">{d.file}</span>: same text as “{d.sameAsTitle}”
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
