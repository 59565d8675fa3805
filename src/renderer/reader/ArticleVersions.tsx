/**
 * "Versions": under the reader's title when an article's text has more than
 * one version (the same page imported again with a changed text). A switcher
 * shows any version's text; a comparison shows what changed between two
 * versions word by word (added, removed, reworded); and the annotations a
 * newer version no longer holds are listed with the version they belong to.
 * An older version is shown with the annotations that belong to it
 * (annotationsOnVersion), read-only; annotating happens on the current
 * version, in the text below.
 */
import { useEffect, useId, useState } from 'react';
import type { VersionDiff } from '../../shared/anchoring/diffVersions';
import type { ArticleMeta, Tag, UnanchoredAnnotation } from '../../shared/model/model';
import { getApi } from '../api/getApi';
import { errorMessage } from '../app/errorMessage';
import { tagTint } from '../components/tagTint';
import type { Output } from '../../shared/contract/contract';
import { versionTextParagraphs } from './versionTextParagraphs';
import { formatCount } from '../components/formatCount';

type VersionText = Output<'getArticleVersionText'>;

export interface ArticleVersionsProps {
  article: ArticleMeta;
  codebook: readonly Tag[];
}


export function ArticleVersions({ article, codebook }: ArticleVersionsProps) {
  const id = useId();
  const versions = article.versions ?? [];
  const current = versions.length;
  const [shown, setShown] = useState(current);
  const [shownText, setShownText] = useState<VersionText | null>(null);
  const [from, setFrom] = useState(Math.max(1, current - 1));
  const [to, setTo] = useState(current);
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [unanchored, setUnanchored] = useState<readonly UnanchoredAnnotation[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    getApi()
      .getArticleVersions({ articleId: article.id })
      .then((r) => live && setUnanchored(r.unanchored))
      .catch((err: unknown) => live && setProblem(errorMessage('The versions could not be read', err)));
    return () => {
      live = false;
    };
  }, [article.id, article.hash]);

  useEffect(() => {
    if (shown === current) {
      setShownText(null);
      return;
    }
    let live = true;
    getApi()
      .getArticleVersionText({ articleId: article.id, version: shown })
      .then((r) => live && setShownText(r))
      .catch((err: unknown) => live && setProblem(errorMessage(`Version ${shown} could not be read`, err)));
    return () => {
      live = false;
    };
  }, [article.id, shown, current]);

  useEffect(() => {
    let live = true;
    setDiff(null);
    if (from === to) return;
    getApi()
      .diffArticleVersions({ articleId: article.id, from, to })
      .then((d) => live && setDiff(d))
      .catch((err: unknown) => live && setProblem(errorMessage('The versions could not be compared', err)));
    return () => {
      live = false;
    };
  }, [article.id, from, to, article.hash]);

  if (current < 2) return null;
  const tagName = (tagId: string) => codebook.find((t) => t.id === tagId)?.name ?? tagId;
  const label = (v: (typeof versions)[number]) =>
    `Version ${v.version}${v.version === current ? ' (current)' : ''}${v.imported ? ` — imported ${v.imported.slice(0, 10)}` : ''}`;
  const options = versions.map((v) => (
    <option key={v.version} value={v.version}>
      {label(v)}
    </option>
  ));

  return (
    <details className="article-details article-versions" open>
      <summary>{`${formatCount(current, 'version')} of this article`}</summary>
      <div className="article-details__form">
        {problem ? (
          <p className="form-problem" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="article-versions__row">
          <label htmlFor={`${id}-show`}>Show version</label>
          <select id={`${id}-show`} value={shown} onChange={(e) => setShown(Number(e.target.value))}>
            {options}
          </select>
        </div>
        {shown !== current ? (
          <section className="article-versions__text" aria-label={`Text of version ${shown}`}>
            <p className="muted">
              {shownText && shownText.version === shown
                ? `Version ${shown} as it was imported, with its ${formatCount(shownText.annotations.length, 'annotation')} (read-only; annotate the current version, below).`
                : 'Reading…'}
            </p>
            {shownText && shownText.version === shown
              ? versionTextParagraphs(shownText.text, shownText.annotations).map((runs, i) => (
                  <p key={i}>
                    {runs.map((run, j) => {
                      const first = run.covering[0];
                      if (!first) return <span key={j}>{run.text}</span>;
                      const tag = codebook.find((t) => t.id === first.tagId);
                      const label = run.covering
                        .map((a) => `${tagName(a.tagId)}${a.keptHere ? ' (not in newer versions)' : ''}${a.note ? `: ${a.note}` : ''}`)
                        .join('; ');
                      return (
                        <mark
                          key={j}
                          className={`article-versions__annotation${run.covering.some((a) => a.keptHere) ? ' article-versions__annotation--kept' : ''}`}
                          style={{ backgroundColor: tagTint(tag?.color ?? '', 0.35), borderBottomColor: tag?.color }}
                          title={label}
                          data-annotation-ids={run.covering.map((a) => a.id).join(' ')}
                        >
                          {run.text}
                        </mark>
                      );
                    })}
                  </p>
                ))
              : null}
          </section>
        ) : null}
        <div className="article-versions__row">
          <label htmlFor={`${id}-from`}>Compare version</label>
          <select id={`${id}-from`} value={from} onChange={(e) => setFrom(Number(e.target.value))}>
            {options}
          </select>
          <label htmlFor={`${id}-to`}>with</label>
          <select id={`${id}-to`} value={to} onChange={(e) => setTo(Number(e.target.value))}>
            {options}
          </select>
        </div>
        {from === to ? null : diff ? (
          <section className="article-versions__diff" aria-label={`Changes from version ${from} to version ${to}`}>
            <p role="status">{`${formatCount(diff.added, 'word')} added, ${formatCount(diff.removed, 'word')} removed, ${formatCount(diff.reworded, 'passage')} reworded.`}</p>
            <div className="article-versions__diff-text">
              {diff.parts.map((part, i) =>
                part.kind === 'same' ? (
                  <span key={i}>{part.text}</span>
                ) : part.kind === 'added' ? (
                  <ins key={i} title="Added">
                    {part.text}
                  </ins>
                ) : part.kind === 'removed' ? (
                  <del key={i} title="Removed">
                    {part.text}
                  </del>
                ) : (
                  <span key={i} className="article-versions__reworded" title="Reworded">
                    <del>{part.from}</del>
                    <ins>{part.to}</ins>
                  </span>
                ),
              )}
            </div>
          </section>
        ) : (
          <p className="muted">Comparing…</p>
        )}
        {unanchored.length > 0 ? (
          <section aria-label="Annotations not found in the newer text">
            <h3 className="article-versions__title">{`Not found in the newer text (${formatCount(unanchored.length)}, kept with their version)`}</h3>
            <ul className="article-versions__unanchored">
              {unanchored.map((a) => (
                <li key={a.id}>
                  {`${tagName(a.tagId)} on version ${a.version}: “${a.exact}”`}
                  {a.note ? <span className="muted">{` — ${a.note}`}</span> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </details>
  );
}
