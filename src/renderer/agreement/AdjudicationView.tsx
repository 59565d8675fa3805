/**
 * Adjudication of one article (issue 16, like INCEpTION's curation): the
 * coders' codings laid side by side — agreements once, disagreements (a
 * different span, tag or attribute, or only one coder) with each coder's
 * version — and the adjudicator builds the "consensus" coder's layer: take
 * one version, take every agreement at once, or reject a disagreement.
 * Progress is n of m settled. Keyboard-first: every action is a button, and
 * after one the focus goes to the next unsettled disagreement.
 */
import { useEffect, useRef, useState } from 'react';
import type { Output } from '../../shared/contract/contract';
import type { Annotation, Tag } from '../../shared/model/model';
import { getApi } from '../api/getApi';
import { errorMessage } from '../app/errorMessage';
import { coderColour } from '../components/coderColour';
import { excerpt } from '../components/excerpt';
import { TagChip } from '../components/TagChip';
import { tagLookup } from '../data/tagLookup';
import './agreement.css';

type Adjudication = Output<'getAdjudication'>;

export interface AdjudicationViewProps {
  articleId: string;
  title: string;
  codebook: readonly Tag[];
  onBack: () => void;
}

export function AdjudicationView({ articleId, title, codebook, onBack }: AdjudicationViewProps) {
  const [state, setState] = useState<Adjudication | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    let live = true;
    getApi()
      .getAdjudication({ articleId })
      .then(
        (a) => live && setState(a),
        (err: unknown) => live && setProblem(errorMessage('Could not lay out the codings', err)),
      );
    return () => {
      live = false;
    };
  }, [articleId]);

  // After an action, once the new state is drawn: the first button of the first unsettled disagreement.
  const [acted, setActed] = useState(0);
  useEffect(() => {
    if (acted > 0) listRef.current?.querySelector<HTMLButtonElement>('li[data-open="true"] button')?.focus();
  }, [acted]);

  const settle = async (input: { take?: string[]; reject?: string }, message: string) => {
    setProblem(null);
    try {
      const next = await getApi().settleDisagreement({ articleId, ...input });
      setState(next);
      setSaid(`${message} ${next.settled} of ${next.total} settled.`);
      setActed((n) => n + 1);
    } catch (err) {
      setProblem(errorMessage('Could not settle it', err));
    }
  };

  const openAgreements = state?.agreements.filter((a) => !a.settled) ?? [];

  return (
    <div className="agreement adjudication">
      <div className="library__head">
        <div>
          <h1>Adjudicate</h1>
          <p className="agreement__intro">{title}</p>
        </div>
        <div className="library__compare">
          <button type="button" className="secondary-button" onClick={onBack}>
            Back to agreement
          </button>
        </div>
      </div>
      {problem ? (
        <p role="alert" className="agreement__problem">
          {problem}
        </p>
      ) : null}
      {state === null ? (
        problem ? null : (
          <p className="loading" role="status">
            Laying out the codings…
          </p>
        )
      ) : (
        <>
          <div className="adjudication__progress">
            <label htmlFor={`progress-${articleId}`}>
              {state.settled} of {state.total} settled
            </label>
            <progress id={`progress-${articleId}`} value={state.settled} max={Math.max(1, state.total)} />
            <span className="muted">Coders: {state.coders.join(', ')}; the consensus is kept as the coder “consensus”.</span>
            <span role="status" className="library__hint">
              {said}
            </span>
          </div>

          <section aria-labelledby="adjudication-agreements">
            <h2 id="adjudication-agreements">Agreements ({state.agreements.length})</h2>
            {state.agreements.length === 0 ? (
              <p className="muted">No coding every coder made alike.</p>
            ) : (
              <>
                <button
                  type="button"
                  className="primary-button"
                  disabled={openAgreements.length === 0}
                  onClick={() => void settle({ take: openAgreements.map((a) => a.annotation.id) }, `Took ${openAgreements.length} agreement${openAgreements.length === 1 ? '' : 's'}.`)}
                >
                  Take all agreements ({openAgreements.length})
                </button>
                <ul className="adjudication__agreements">
                  {state.agreements.map((a) => (
                    <li key={a.key}>
                      <TagChip tag={tagLookup(codebook, a.annotation.tagId)} /> “{excerpt(a.annotation.exact, 90)}”
                      <span className="muted"> — {a.settled ? 'in the consensus' : `${a.coders.join(', ')} agree`}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>

          <section aria-labelledby="adjudication-disagreements">
            <h2 id="adjudication-disagreements">Disagreements ({state.disagreements.length})</h2>
            {state.disagreements.length === 0 ? <p className="muted">The coders agree on everything here.</p> : null}
            <ol className="adjudication__list" ref={listRef}>
              {state.disagreements.map((d, i) => (
                <li key={d.key} data-open={d.settled === null} className={d.settled ? 'adjudication__item adjudication__item--settled' : 'adjudication__item'}>
                  <h3>
                    {i + 1}. {kindOf(d.versions, state.coders)}
                    <span className="muted">
                      {' '}
                      — {d.settled === 'consensus' ? 'taken into the consensus' : d.settled === 'rejected' ? 'rejected' : 'open'}
                    </span>
                  </h3>
                  <table className="agreement__table adjudication__versions">
                    <caption className="visually-hidden">Versions of disagreement {i + 1}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Coder</th>
                        <th scope="col">Tag</th>
                        <th scope="col">Passage</th>
                        <th scope="col">Attributes</th>
                        <th scope="col">
                          <span className="visually-hidden">Action</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.versions.map((v) => (
                        <tr key={v.id}>
                          <th scope="row">
                            <span className="agreement__swatch" style={{ background: coderColour(v.creator) }} aria-hidden="true" /> {v.creator}
                          </th>
                          <td>
                            <TagChip tag={tagLookup(codebook, v.tagId)} />
                          </td>
                          <td className="adjudication__passage">
                            “{excerpt(v.exact, 140)}” <span className="muted">({v.start}–{v.end})</span>
                          </td>
                          <td>{attributeText(v, codebook)}</td>
                          <td>
                            <button
                              type="button"
                              className="secondary-button"
                              disabled={d.settled !== null}
                              onClick={() => void settle({ take: [v.id] }, `Took ${v.creator}’s version.`)}
                            >
                              Take {v.creator}’s
                            </button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <button type="button" className="secondary-button" disabled={d.settled !== null} onClick={() => void settle({ reject: d.key }, 'Rejected.')}>
                    Reject all versions
                  </button>
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </div>
  );
}

/** What kind of disagreement: one coder only, different tags, different spans, or different attributes. */
function kindOf(versions: readonly Annotation[], coders: readonly string[]): string {
  const by = new Set(versions.map((v) => v.creator));
  if (by.size < coders.length) return `Only ${[...by].join(', ')} marked this`;
  if (new Set(versions.map((v) => v.tagId)).size > 1) return 'Different tags';
  if (new Set(versions.map((v) => `${v.start}:${v.end}`)).size > 1) return 'Different spans';
  return 'Different attributes';
}

function attributeText(a: Annotation, codebook: readonly Tag[]): string {
  const tag = tagLookup(codebook, a.tagId);
  const parts = tag.attributes
    .map((def) => [def.name, a.attributes[def.id]] as const)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([name, v]) => `${name}: ${String(v)}`);
  return parts.length > 0 ? parts.join(' · ') : '–';
}
