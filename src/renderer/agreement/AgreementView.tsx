/**
 * The Agreement screen (issue 16): how far the team's coders agree, for the
 * methods section. The researcher chooses coders (everyone who annotated),
 * tags (the codebook), articles (by default those every chosen coder
 * annotated; a scope, a search and ticks by hand, see ArticlePicker) and the unit (words or sentences), and "Compute" asks the core
 * (computeAgreement, over src/shared/agreement) for Krippendorff's α_u per
 * tag and overall, α, Cohen's and Fleiss' κ, percent agreement, the units and
 * a per-article breakdown, each with its reading (α ≥ .800 reliable; .667 to
 * .800 tentative conclusions only). Both exports hold the figures as computed.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { agreementCsv } from '../../shared/agreement/agreementCsv';
import type { AgreementReport as SharedReport } from '../../shared/agreement/annotationAgreement';
import type { Output } from '../../shared/contract/contract';
import type { ArticleSummary, Tag } from '../../shared/model/model';
import { getApi } from '../api/getApi';
import { useReportError } from '../app/reportErrorContext';
import { errorMessage } from '../app/errorMessage';
import { coderColour } from '../components/coderColour';
import { downloadFile } from '../components/downloadFile';
import { localDateStamp } from '../components/localDateStamp';
import { agreementFileName, coefficient, percent, READING_TEXT, type AgreementReport, type Reading } from './agreementFigures';
import { ExportStatus } from '../components/ExportStatus';
import { ScreenHead } from '../components/ScreenHead';
import './agreement.css';
import { formatCount } from '../components/formatCount';
import { ArticlePicker } from './ArticlePicker';
import { agreementCandidates, chosenArticleIds, DEFAULT_ARTICLE_CHOICE, type ArticleChoice } from './articleChoice';

export interface AgreementViewProps {
  codebook: readonly Tag[];
  /** The library (titles for the article list); null while loading. */
  articles: readonly ArticleSummary[] | null;
  /** Opens the adjudication of one article. */
  onAdjudicate: (articleId: string) => void;
}

type Coders = Output<'listCoders'>;
/** Rows of the "By article" table drawn at a time. */
const ARTICLE_ROWS = 100;
type Units = 'tokens' | 'sentences';

export function AgreementView({ codebook, articles, onAdjudicate }: AgreementViewProps) {
  const id = useId();
  const reportError = useReportError();
  const [coders, setCoders] = useState<Coders | null>(null);
  const [chosenCoders, setChosenCoders] = useState<string[]>([]);
  const [chosenTags, setChosenTags] = useState<string[] | null>(null);
  const [articleChoice, setArticleChoice] = useState<ArticleChoice>(DEFAULT_ARTICLE_CHOICE);
  const [units, setUnits] = useState<Units>('tokens');
  const [report, setReport] = useState<AgreementReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState('');

  useEffect(() => {
    let live = true;
    getApi()
      .listCoders({})
      .then(
        (list) => {
          if (!live) return;
          setCoders(list);
          setChosenCoders(list.map((c) => c.name));
        },
        (err: unknown) => live && reportError('Could not list the coders', err),
      );
    return () => {
      live = false;
    };
  }, [reportError]);

  const tags = chosenTags ?? codebook.map((t) => t.id);
  // Articles any chosen coder annotated, in library order; by default those every chosen coder annotated.
  const candidates = useMemo(() => agreementCandidates(coders ?? [], chosenCoders, articles ?? []), [coders, chosenCoders, articles]);
  const articleIds = useMemo(() => chosenArticleIds(articleChoice, candidates), [articleChoice, candidates]);

  const toggle = (list: string[], item: string, on: boolean) => (on ? [...new Set([...list, item])] : list.filter((x) => x !== item));

  const compute = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      setReport(await getApi().computeAgreement({ coders: chosenCoders, tags, articles: articleIds, units }));
    } catch (err) {
      setReport(null);
      setProblem(errorMessage('Could not compute agreement', err));
    } finally {
      setBusy(false);
    }
  };

  const exportAs = (extension: 'csv' | 'json') => {
    if (!report) return;
    const name = agreementFileName(localDateStamp(new Date()), extension);
    if (extension === 'csv') downloadFile(agreementCsv(report as SharedReport), name, 'text/csv;charset=utf-8');
    else downloadFile(`${JSON.stringify(report, null, 2)}\n`, name, 'application/json');
    setExported(`Saved ${name}`);
  };

  // One map for the per-article rows, not a search of the library per row.
  const titles = useMemo(() => new Map((articles ?? []).map((a) => [a.id, a.title])), [articles]);
  const titleOf = (aid: string) => titles.get(aid) || aid;
  const tooFew = chosenCoders.length < 2;

  return (
    <div className="agreement">
      <ScreenHead
        title="Agreement"
        actions={
          <div className="library__compare">
            <ExportStatus message={exported} />
            <button type="button" className="secondary-button" disabled={!report} onClick={() => exportAs('csv')}>
              Export CSV
            </button>
            <button type="button" className="secondary-button" disabled={!report} onClick={() => exportAs('json')}>
              Export JSON
            </button>
          </div>
        }
      >
        How far coders agree on the same articles: the reliability figures a methods section reports.
      </ScreenHead>

      <form
        className="agreement__choices"
        aria-label="What to compare"
        onSubmit={(e) => {
          e.preventDefault();
          void compute();
        }}
      >
        <fieldset className="agreement__group">
          <legend>Coders</legend>
          {coders === null ? (
            <p role="status">Finding who annotated…</p>
          ) : coders.length === 0 ? (
            <p className="muted">No annotations yet.</p>
          ) : (
            coders.map((c) => (
              <label key={c.name} className="check-line">
                <input
                  type="checkbox"
                  checked={chosenCoders.includes(c.name)}
                  onChange={(e) => {
                    setChosenCoders((list) => toggle(list, c.name, e.target.checked));
                    setArticleChoice(DEFAULT_ARTICLE_CHOICE);
                  }}
                />
                <span className="agreement__swatch" style={{ background: coderColour(c.name) }} aria-hidden="true" />
                {/* A long name is cut on one line (whole in its tooltip); the counts go under it rather than squeeze it into a column. */}
                <span className="agreement__coder">
                  <span className="agreement__coder-name" title={c.name}>
                    {c.name}
                  </span>{' '}
                  <span className="muted agreement__coder-counts">
                    ({formatCount(c.annotations)} in {formatCount(c.articleIds?.length ?? 0, 'article')})
                  </span>
                </span>
              </label>
            ))
          )}
        </fieldset>
        <fieldset className="agreement__group">
          <legend>Tags</legend>
          {codebook.map((t) => (
            <label key={t.id} className="check-line">
              <input type="checkbox" checked={tags.includes(t.id)} onChange={(e) => setChosenTags(toggle(tags, t.id, e.target.checked))} />
              <span className="agreement__swatch" style={{ background: t.color }} aria-hidden="true" />
              {t.name}
            </label>
          ))}
        </fieldset>
        <fieldset className="agreement__group agreement__group--articles">
          <legend>
            Articles <span className="muted">({formatCount(articleIds.length)} chosen)</span>
          </legend>
          {candidates.list.length === 0 ? (
            <p className="muted">No article holds annotations by the chosen coders.</p>
          ) : (
            <ArticlePicker candidates={candidates} choice={articleChoice} onChoose={setArticleChoice} />
          )}
        </fieldset>
        <fieldset className="agreement__group">
          <legend>Units</legend>
          <label className="radio-line">
            <input type="radio" name={`${id}-units`} checked={units === 'tokens'} onChange={() => setUnits('tokens')} />
            Words
          </label>
          <label className="radio-line">
            <input type="radio" name={`${id}-units`} checked={units === 'sentences'} onChange={() => setUnits('sentences')} />
            Sentences
          </label>
          <button type="submit" className="primary-button agreement__compute" disabled={tooFew || tags.length === 0 || articleIds.length === 0} aria-busy={busy || undefined}>
            Compute agreement
          </button>
          {tooFew ? <p className="muted">Choose two or more coders.</p> : null}
        </fieldset>
      </form>

      {problem ? (
        <p role="alert" className="agreement__problem">
          {problem}
        </p>
      ) : null}
      {report ? <AgreementResults report={report} titleOf={titleOf} onAdjudicate={onAdjudicate} /> : null}
    </div>
  );
}

function ReadingCell({ reading }: { reading: Reading }) {
  return <span className={`reading reading--${reading}`}>{READING_TEXT[reading]}</span>;
}

function AgreementResults({ report, titleOf, onAdjudicate }: { report: AgreementReport; titleOf: (id: string) => string; onAdjudicate: (articleId: string) => void }) {
  const unitName = report.unitKind === 'tokens' ? 'words' : 'sentences';
  const o = report.overall;
  // A page of article rows at a time: a report over 30,000 articles is not 30,000 rows drawn at once.
  const [rowLimit, setRowLimit] = useState(ARTICLE_ROWS);
  const articleRows = report.perArticle.slice(0, rowLimit);
  const moreRows = report.perArticle.length - articleRows.length;
  return (
    <section className="agreement__results" aria-label="Agreement figures">
      <p className="agreement__summary" role="status">
        {report.coders.join(', ')} on {formatCount(report.articles.length, 'article')}: α<sub>u</sub>{' '}
        <strong>{coefficient(o.alphaU)}</strong> ({READING_TEXT[o.reading.alphaU]}), α <strong>{coefficient(o.alpha)}</strong> over{' '}
        {formatCount(o.units)} {unitName}.
      </p>
      <div className="agreement__scroll">
        <table className="agreement__table report-table">
          <caption>By tag</caption>
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <FigureHeads unitName={unitName} />
            </tr>
          </thead>
          <tbody>
            <tr className="agreement__overall">
              <th scope="row">All tags</th>
              <Figures f={o} />
            </tr>
            {Object.entries(report.tags).flatMap(([name, t]) => [
              <tr key={name}>
                <th scope="row">
                  {name} <span className="muted">({t.spans.join(' / ')} spans)</span>
                </th>
                <Figures f={t} />
              </tr>,
              // Attributes no two coders gave a value on a common span have no figure to show.
              ...Object.entries(t.attributes).filter(([, a]) => a.units > 0).map(([attribute, a]) => (
                <tr key={`${name}/${attribute}`} className="agreement__attribute">
                  <th scope="row">
                    {attribute} <span className="muted">({a.level}, {a.units} spans)</span>
                  </th>
                  <td>–</td>
                  <td>{coefficient(a.alpha)}</td>
                  <td>–</td>
                  <td>–</td>
                  <td>{percent(a.percentAgreement)}</td>
                  <td>{a.units}</td>
                  <td>
                    <ReadingCell reading={a.reading} />
                  </td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      </div>
      <div className="agreement__scroll">
        <table className="agreement__table report-table">
          <caption>By article</caption>
          <thead>
            <tr>
              <th scope="col">Article</th>
              <FigureHeads />
              <th scope="col">
                <span className="visually-hidden">Adjudicate</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {articleRows.map((a) => (
              <tr key={a.articleId}>
                <th scope="row" className="agreement__article-title">
                  {titleOf(a.articleId)}
                </th>
                <Figures f={a.overall} />
                <td>
                  <button type="button" className="secondary-button" aria-label={`Adjudicate ${titleOf(a.articleId)}`} onClick={() => onAdjudicate(a.articleId)}>
                    Adjudicate
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {moreRows > 0 ? (
        <p className="muted agreement__more-rows">
          {formatCount(articleRows.length)} of {formatCount(report.perArticle.length, 'article')} shown.{' '}
          <button type="button" className="secondary-button" onClick={() => setRowLimit((n) => n + ARTICLE_ROWS)}>
            Show {formatCount(Math.min(ARTICLE_ROWS, moreRows))} more
          </button>
        </p>
      ) : null}
      <p className="muted agreement__note">
        Reading (Krippendorff 2004): α ≥ .800 reliable; .667–.800 tentative conclusions only; below .667 unreliable. α<sub>u</sub> compares the
        spans themselves; α and κ code each {report.unitKind === 'tokens' ? 'word' : 'sentence'} with the tags its spans touch.
        {report.coders.length !== 2 ? ' Cohen’s κ is for two coders: see Fleiss’ κ.' : ''}
      </p>
    </section>
  );
}

/** The column heads of Figures; with `unitName`, each α's head says what it counts (spans, words or sentences). */
function FigureHeads({ unitName }: { unitName?: string }) {
  return (
    <>
      <th scope="col">
        α<sub>u</sub>
        {unitName ? ' (spans)' : null}
      </th>
      <th scope="col">{unitName ? `α (${unitName})` : 'α'}</th>
      <th scope="col">Cohen’s κ</th>
      <th scope="col">Fleiss’ κ</th>
      <th scope="col">Agreement</th>
      <th scope="col">Units</th>
      <th scope="col">Reading (α_u / α)</th>
    </>
  );
}

function Figures({ f }: { f: AgreementReport['overall'] }) {
  return (
    <>
      <td>{coefficient(f.alphaU)}</td>
      <td>{coefficient(f.alpha)}</td>
      <td>{coefficient(f.kappa)}</td>
      <td>{coefficient(f.fleissKappa)}</td>
      <td>{percent(f.percentAgreement)}</td>
      <td>{formatCount(f.units)}</td>
      <td>
        <ReadingCell reading={f.reading.alphaU} /> / <ReadingCell reading={f.reading.alpha} />
      </td>
    </>
  );
}
