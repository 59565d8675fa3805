/**
 * Adjudication of one article (issue 16, like INCEpTION's curation): the
 * coders' codings laid side by side — agreements once, disagreements (a
 * different span, tag or attribute, or only one coder) with each coder's
 * version — and the adjudicator builds the "consensus" coder's layer: take
 * one version, edit one (span, tag, attributes, note) and take it, take
 * every agreement at once, or reject a disagreement; a settled disagreement
 * can be undone on its row (and the last change with Ctrl+Z, through the
 * app's undo history). Progress is n of m settled. Keyboard-first: every
 * action is a button, each disagreement takes keys (1–9, e, r, u, j/k, shown
 * on the screen and in the shortcut sheet), and after an action the focus
 * goes to the next unsettled disagreement.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Input, Output } from '../../shared/contract/contract';
import { CONSENSUS_CODER } from '../../shared/agreement/adjudication';
import type { Annotation, Tag } from '../../shared/model/model';
import { getApi } from '../api/getApi';
import { useDataChanged } from '../app/dataChanged';
import { errorMessage } from '../app/errorMessage';
import { isTypingTarget } from '../app/keyboard/isTypingTarget';
import { shortcutFor, type ShortcutId } from '../app/keyboard/shortcuts';
import { EditVersionForm } from './EditVersionForm';
import { draftOf, type VersionDraft } from './versionDraft';
import { coderColour } from '../components/coderColour';
import { excerpt } from '../components/excerpt';
import { TagChip } from '../components/TagChip';
import { tagLookup } from '../data/tagLookup';
import { ScreenHead } from '../components/ScreenHead';
import './agreement.css';
import { formatCount } from '../components/formatCount';
import { paragraphNumber, paragraphStarts } from '../../shared/anchoring/paragraphStarts';
import { formatDateTime } from '../components/formatDateTime';

type Adjudication = Output<'getAdjudication'>;
type Disagreement = Adjudication['disagreements'][number];

const ITEM_KEYS: readonly ShortcutId[] = ['adjudicateTake', 'adjudicateEdit', 'adjudicateReject', 'adjudicateUndo', 'adjudicateNext', 'adjudicatePrevious'];

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
  // The article's text (for editing a span) and the consensus annotations (to undo a take on its row).
  const [text, setText] = useState('');
  const [consensus, setConsensus] = useState<readonly Annotation[]>([]);
  const [editing, setEditing] = useState<{ key: string; coder: string; draft: VersionDraft } | null>(null);

  const load = useCallback(async () => {
    const [next, annotations] = await Promise.all([getApi().getAdjudication({ articleId }), getApi().listAnnotations({ articleId })]);
    return { next, consensus: annotations.filter((a) => a.creator === CONSENSUS_CODER) };
  }, [articleId]);

  useEffect(() => {
    let live = true;
    load().then(
      (loaded) => {
        if (!live) return;
        setState(loaded.next);
        setConsensus(loaded.consensus);
      },
      (err: unknown) => live && setProblem(errorMessage('Could not lay out the codings', err)),
    );
    getApi()
      .getArticle({ id: articleId })
      .then(
        (article) => live && setText(article.text),
        () => undefined, // Without the text, editing a version waits; taking and rejecting still work.
      );
    return () => {
      live = false;
    };
  }, [articleId, load]);

  // An undo or redo (Ctrl+Z, the Edit menu) changed the article: lay it out again.
  useDataChanged((change) => {
    if (change.articleIds.length > 0 && !change.articleIds.includes(articleId)) return;
    load().then(
      (loaded) => {
        setState(loaded.next);
        setConsensus(loaded.consensus);
      },
      (err: unknown) => setProblem(errorMessage('Could not lay out the codings', err)),
    );
  });

  // After an action, once the new state is drawn: the first button of the first unsettled disagreement.
  const [acted, setActed] = useState(0);
  useEffect(() => {
    if (acted > 0) listRef.current?.querySelector<HTMLButtonElement>('li[data-open="true"] button')?.focus();
  }, [acted]);

  const settle = async (input: Omit<Input<'settleDisagreement'>, 'articleId'>, message: string) => {
    setProblem(null);
    try {
      const next = await getApi().settleDisagreement({ articleId, ...input });
      setState(next);
      setConsensus((list) => [...list, ...next.created]);
      setEditing(null);
      setSaid(`${message} ${formatCount(next.settled)} of ${formatCount(next.total)} settled.`);
      setActed((n) => n + 1);
    } catch (err) {
      setProblem(errorMessage('Could not settle it', err));
    }
  };

  /** Opens a settled disagreement again: its rejection withdrawn, or the consensus annotations over it deleted. */
  const undoItem = async (d: Disagreement, index: number) => {
    setProblem(null);
    try {
      if (d.settled === 'rejected') {
        const next = await getApi().settleDisagreement({ articleId, unreject: d.key });
        setState(next);
      } else {
        for (const c of consensus.filter((c) => c.start < d.end && c.end > d.start)) await getApi().deleteAnnotation({ articleId, id: c.id });
        const loaded = await load();
        setState(loaded.next);
        setConsensus(loaded.consensus);
      }
      setSaid(`Disagreement ${index + 1} is open again.`);
      setActed((n) => n + 1);
    } catch (err) {
      setProblem(errorMessage('Could not undo it', err));
    }
  };

  const edit = (d: Disagreement, v: Annotation) => setEditing({ key: d.key, coder: v.creator, draft: draftOf(v) });

  /** A disagreement's own keys (the shortcut sheet lists them under Adjudicating). */
  const onItemKey = (e: KeyboardEvent<HTMLLIElement>, d: Disagreement, index: number) => {
    if (isTypingTarget(e.target) || e.ctrlKey || e.metaKey) return;
    const id = shortcutFor(e, ITEM_KEYS);
    if (!id) return;
    const items = [...(listRef.current?.querySelectorAll<HTMLLIElement>(':scope > li') ?? [])];
    const focusItem = (i: number) => items[i]?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus() ?? items[i]?.focus();
    e.preventDefault();
    if (id === 'adjudicateNext') return focusItem(Math.min(items.length - 1, index + 1));
    if (id === 'adjudicatePrevious') return focusItem(Math.max(0, index - 1));
    if (id === 'adjudicateUndo') return void (d.settled !== null && undoItem(d, index));
    if (d.settled !== null) return;
    if (id === 'adjudicateReject') return void settle({ reject: d.key }, 'Rejected.');
    if (id === 'adjudicateEdit') return d.versions[0] ? edit(d, d.versions[0]) : undefined;
    const v = d.versions[Number(e.key) - 1];
    if (v) void settle({ take: [v.id] }, `Took ${v.creator}’s version.`);
  };

  const openAgreements = state?.agreements.filter((a) => !a.settled) ?? [];

  return (
    <div className="agreement adjudication">
      <ScreenHead
        title="Adjudicate"
        actions={
          <div className="library__compare">
            <button type="button" className="secondary-button" onClick={onBack}>
              Back to agreement
            </button>
          </div>
        }
      >
        {title}
      </ScreenHead>
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
              {formatCount(state.settled)} of {formatCount(state.total)} settled
            </label>
            <progress id={`progress-${articleId}`} value={state.settled} max={Math.max(1, state.total)} />
            <span className="muted">Coders: {state.coders.join(', ')}; the consensus is kept as the coder “consensus”.</span>
            <span role="status" className="library__hint">
              {said}
            </span>
          </div>

          <section aria-labelledby="adjudication-agreements">
            <h2 id="adjudication-agreements">Agreements ({formatCount(state.agreements.length)})</h2>
            {state.agreements.length === 0 ? (
              <p className="muted">No coding every coder made alike.</p>
            ) : (
              <>
                <button
                  type="button"
                  className="primary-button"
                  disabled={openAgreements.length === 0}
                  onClick={() => void settle({ take: openAgreements.map((a) => a.annotation.id) }, `Took ${formatCount(openAgreements.length, 'agreement')}.`)}
                >
                  Take all agreements ({formatCount(openAgreements.length)})
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
            <h2 id="adjudication-disagreements">Disagreements ({formatCount(state.disagreements.length)})</h2>
            {state.disagreements.length === 0 ? <p className="muted">The coders agree on everything here.</p> : null}
            {state.disagreements.length > 0 ? (
              <p className="adjudication__keys muted" id="adjudication-keys">
                Keys on a disagreement: <kbd>1</kbd>–<kbd>9</kbd> take that version · <kbd>e</kbd> edit, then take · <kbd>r</kbd> reject ·{' '}
                <kbd>u</kbd> undo · <kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>Ctrl</kbd>+<kbd>Z</kbd> undo the last change
              </p>
            ) : null}
            <ol className="adjudication__list" ref={listRef}>
              {state.disagreements.map((d, i) => (
                <li
                  key={d.key}
                  data-open={d.settled === null}
                  className={d.settled ? 'adjudication__item adjudication__item--settled' : 'adjudication__item'}
                  aria-describedby="adjudication-keys"
                  onKeyDown={(e) => onItemKey(e, d, i)}
                >
                  <h3>
                    {i + 1}. {kindOf(d.versions, state.coders)}
                    <span className="muted">
                      {' '}
                      —{' '}
                      {d.settled === 'consensus'
                        ? 'taken into the consensus'
                        : d.settled === 'rejected'
                          ? `rejected${d.rejection ? ` by ${d.rejection.coder}${d.rejection.at ? `, ${formatDateTime(d.rejection.at)}` : ''}` : ''}`
                          : 'open'}
                    </span>
                  </h3>
                  <table className="agreement__table report-table adjudication__versions">
                    <caption className="visually-hidden">Versions of disagreement {i + 1}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Coder</th>
                        <th scope="col">Tag</th>
                        <th scope="col">Passage</th>
                        <th scope="col">Attributes</th>
                        <th scope="col">
                          <span className="visually-hidden">Actions</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.versions.map((v, n) => (
                        <tr key={v.id}>
                          <th scope="row">
                            <span className="agreement__swatch" style={{ background: coderColour(v.creator) }} aria-hidden="true" /> {v.creator}
                          </th>
                          <td>
                            <TagChip tag={tagLookup(codebook, v.tagId)} />
                          </td>
                          <td className="adjudication__passage" title={`Characters ${v.start}–${v.end} of the article`}>
                            “{excerpt(v.exact, 140)}”{text ? <span className="muted adjudication__where"> (paragraph {paragraphNumber(paragraphStarts(text), v.start)})</span> : null}
                          </td>
                          <td>{attributeText(v, codebook)}</td>
                          <td>
                            <div className="adjudication__actions">
                              <button
                                type="button"
                                className="secondary-button"
                                disabled={d.settled !== null}
                                aria-keyshortcuts={n < 9 ? String(n + 1) : undefined}
                                aria-label={`Take ${v.creator}’s`}
                                onClick={() => void settle({ take: [v.id] }, `Took ${v.creator}’s version.`)}
                              >
                                Take <CoderName name={v.creator} />’s{n < 9 ? <kbd aria-hidden="true">{n + 1}</kbd> : null}
                              </button>
                              <button
                                type="button"
                                className="secondary-button"
                                disabled={d.settled !== null || text === ''}
                                aria-keyshortcuts={n === 0 ? 'e' : undefined}
                                aria-label={`Edit ${v.creator}’s…`}
                                aria-expanded={editing?.key === d.key && editing.draft.from === v.id}
                                onClick={() => edit(d, v)}
                              >
                                Edit <CoderName name={v.creator} />’s…{n === 0 ? <kbd aria-hidden="true">e</kbd> : null}
                              </button>
                            </div>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {editing?.key === d.key && d.settled === null ? (
                    <EditVersionForm
                      coder={editing.coder}
                      draft={editing.draft}
                      text={text}
                      codebook={codebook}
                      onChange={(draft) => setEditing({ ...editing, draft })}
                      onTake={(edited) => void settle({ edited }, `Took ${editing.coder}’s version, edited.`)}
                      onCancel={() => {
                        setEditing(null);
                        listRef.current?.querySelectorAll<HTMLLIElement>(':scope > li')[i]?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
                      }}
                    />
                  ) : null}
                  <div className="adjudication__item-actions">
                    {d.settled === null ? (
                      <button type="button" className="secondary-button" aria-keyshortcuts="r" onClick={() => void settle({ reject: d.key }, 'Rejected.')}>
                        Reject all versions<kbd aria-hidden="true">r</kbd>
                      </button>
                    ) : (
                      <button type="button" className="secondary-button" aria-keyshortcuts="u" onClick={() => void undoItem(d, i)}>
                        {d.settled === 'rejected' ? 'Undo the rejection' : 'Undo the take'}
                        <kbd aria-hidden="true">u</kbd>
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </div>
  );
}

/** A coder's name in a button, cut to a few words when long (the button's aria-label keeps it whole). */
function CoderName({ name }: { name: string }) {
  return (
    <span className="adjudication__who" title={name}>
      {name}
    </span>
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
