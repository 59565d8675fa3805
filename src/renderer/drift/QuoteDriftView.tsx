/**
 * Quote drift (issue 18): one group's wording in every article that carries
 * it, in publication order, each compared word by word with a reference —
 * the earliest, or the one picked under "Compare with". Dropped words are
 * struck through, added ones underlined, changed pairs marked as such;
 * badges say "Reference", "Fragment" (only drops words: shown in place
 * inside the fuller wording) and "Likely translated". The outlets that do
 * not carry the quote are listed under it. Export as CSV or JSON.
 */
import { useId, useMemo, useState } from 'react';
import { quoteDrift, type DriftVersion } from '../../shared/crossArticle/quoteDrift';
import { quoteDriftCsv } from '../../shared/formats/csv/quoteDriftCsv';
import { downloadFile } from '../components/downloadFile';
import { downloadJson } from '../components/downloadJson';
import { excerpt } from '../components/excerpt';
import { localDateStamp } from '../components/localDateStamp';
import { useCoverageMatrix } from './useCoverageMatrix';
import { ExportStatus } from '../components/ExportStatus';
import { ScreenHead } from '../components/ScreenHead';
import { LoadFailed } from '../components/LoadFailed';
import { formatCount } from '../components/formatCount';

export interface QuoteDriftViewProps {
  groupId: string;
  referenceArticleId: string | null;
  onReference: (articleId: string) => void;
  onOpenAnnotation: (articleId: string, annotationId: string) => void;
  onBack: () => void;
}

/** The outlet, or (when unknown) the title cut short. */
function versionName(v: Pick<DriftVersion, 'outlet' | 'title'>): string {
  return v.outlet || excerpt(v.title, 70);
}

function fileSlug(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'group'
  );
}

function Counts({ v }: { v: DriftVersion }) {
  if (v.isReference) return null;
  if (v.added + v.dropped + v.changed === 0) return <span className="drift__same">Same words</span>;
  const parts: string[] = [];
  if (v.changed) parts.push(`${v.changed} changed`);
  if (v.added) parts.push(`${v.added} added`);
  if (v.dropped) parts.push(`${v.dropped} dropped`);
  return <span className="drift__counts">{parts.join(' · ')}</span>;
}

export function QuoteDriftView({ groupId, referenceArticleId, onReference, onOpenAnnotation, onBack }: QuoteDriftViewProps) {
  const { matrix, failed, reload } = useCoverageMatrix();
  const drift = useMemo(() => (matrix ? quoteDrift(matrix, groupId, referenceArticleId) : null), [matrix, groupId, referenceArticleId]);
  const [exported, setExported] = useState('');
  const referenceId = useId();

  let body;
  if (failed) {
    body = (
      <LoadFailed message="The groups could not be read." onRetry={reload} />
    );
  } else if (!matrix) {
    body = (
      <p className="loading" role="status">
        Reading the group…
      </p>
    );
  } else if (!drift) {
    body = <p className="library__empty">There is no such group (it may have been deleted).</p>;
  } else if (drift.versions.length === 0) {
    body = <p className="library__empty">None of this group’s annotations exist any more.</p>;
  } else {
    const stamp = localDateStamp(new Date());
    const name = `triangulate-drift-${fileSlug(drift.label)}-${stamp}`;
    body = (
      <>
        <div className="drift__controls">
          <label className="drift__reference" htmlFor={referenceId}>
            Compare with
          </label>
          <select id={referenceId} value={drift.referenceArticleId ?? ''} onChange={(e) => onReference(e.target.value)}>
            {[...new Map(drift.versions.map((v) => [v.articleId, v])).values()].map((v, i) => (
              <option key={v.articleId} value={v.articleId}>
                {versionName(v)}
                {v.date ? ` (${v.date})` : ''}
                {i === 0 ? ' — earliest' : ''}
              </option>
            ))}
          </select>
          <span className="drift__legend" aria-hidden="true">
            <del>dropped</del> <ins>added</ins> <del className="drift__changed">changed</del>
            <ins className="drift__changed">to</ins>
          </span>
          <ExportStatus message={exported} />
          <button
            type="button"
            className="secondary-button"
            onClick={() => {
              downloadFile(quoteDriftCsv(drift), `${name}.csv`, 'text/csv;charset=utf-8');
              setExported(`Exported ${formatCount(drift.versions.length, 'wording')} to ${name}.csv`);
            }}
          >
            Export CSV
          </button>
          <button
            type="button"
            className="secondary-button"
            onClick={() => {
              downloadJson(drift, `${name}.json`);
              setExported(`Exported ${formatCount(drift.versions.length, 'wording')} to ${name}.json`);
            }}
          >
            Export JSON
          </button>
        </div>
        <ol className="drift__list">
          {drift.versions.map((v) => (
            <li key={`${v.articleId}/${v.annotationId}`} className={`drift__item${v.isReference ? ' drift__item--reference' : ''}`}>
              <div className="drift__head">
                <h2 className="drift__outlet">
                  <button type="button" className="link-button" title={v.title} onClick={() => onOpenAnnotation(v.articleId, v.annotationId)}>
                    {versionName(v)}
                  </button>
                </h2>
                <span className="drift__date">{v.date ?? 'no date'}</span>
                {v.isReference ? <span className="drift__badge drift__badge--reference">Reference</span> : null}
                {v.fragment ? <span className="drift__badge">Fragment</span> : null}
                {v.translated ? <span className="drift__badge drift__badge--translated">Likely translated or paraphrased</span> : null}
                <Counts v={v} />
                <span className="drift__credit">{v.creditedTo ? `Credits ${v.creditedTo}` : 'No credit linked'}</span>
              </div>
              <p className="drift__wording">
                {v.isReference
                  ? v.wording
                  : v.parts.map((p, i) =>
                      p.kind === 'same' ? (
                        <span key={i}>{p.text}</span>
                      ) : p.kind === 'added' ? (
                        <ins key={i} className={p.changed ? 'drift__changed' : undefined}>
                          {p.text}
                        </ins>
                      ) : (
                        <del key={i} className={p.changed ? 'drift__changed' : undefined}>
                          {p.text}
                        </del>
                      ),
                    )}
              </p>
            </li>
          ))}
        </ol>
        {drift.notCarried.length > 0 ? (
          <section className="drift__absent" aria-labelledby={`${referenceId}-absent`}>
            <h2 id={`${referenceId}-absent`}>Not carried by</h2>
            <ul>
              {drift.notCarried.map((a) => (
                <li key={a.articleId} title={a.title}>
                  {a.outlet || a.title} {a.date ? <span className="muted">({a.date})</span> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </>
    );
  }

  return (
    <div className="drift">
      <ScreenHead
        title={<>Quote drift{drift ? `: ${drift.label || 'Untitled group'}` : ''}</>}
        actions={
          <button type="button" className="secondary-button" onClick={onBack}>
            Back to coverage
          </button>
        }
      >
        How the wording changes from article to article, in publication order, word by word against the reference.
      </ScreenHead>
      {body}
    </div>
  );
}
