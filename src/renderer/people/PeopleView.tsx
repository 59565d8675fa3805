/**
 * People: the people-and-organisations index of the corpus (issue 15).
 * On the left every speaker and source entity — canonical name, kind, quotes
 * and articles — with a search over names and aliases; on the right the
 * chosen one: its other names (each can be split off as an entity of its
 * own), its canonical name (rename), its kind, "merge another into this
 * one", and the quotes credited to it across articles (detected, and the
 * stored Quote/Source annotations naming it), each opening the reader.
 * Corrections are stored in the data folder (entities.json), go through the
 * undo history (undoableApi), and are used by the coverage matrix, the
 * annotation table (Speaker column and filter) and the exports.
 */
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import './people.css';
import type { Output } from '../../shared/contract/contract';
import type { Entity, EntityKind } from '../../shared/crossArticle/entitySchemas';
import { getApi } from '../api/getApi';
import { useReportError } from '../app/reportErrorContext';
import { excerpt } from '../components/excerpt';
import { filterEntities } from './filterEntities';
import { usePeopleIndex, type PeopleIndex } from './usePeopleIndex';
import { ScreenHead } from '../components/ScreenHead';
import { formatCount } from '../components/formatCount';

export interface PeopleViewProps {
  /** Opens the reader at an article (and at the annotation, for a stored one). */
  onOpen: (articleId: string, annotationId: string | null) => void;
}

const KINDS: readonly EntityKind[] = ['person', 'organisation', 'outlet', 'document'];

export function PeopleView({ onOpen }: PeopleViewProps) {
  const { index, failed, reload, replace } = usePeopleIndex();
  const [query, setQuery] = useState('');
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const searchId = useId();

  const shown = useMemo(() => (index ? filterEntities(index.entities, query) : []), [index, query]);
  const chosen = index?.entities.find((e) => e.id === chosenId) ?? shown[0] ?? null;

  const applied = (answer: PeopleIndex & { id: string }, message: string) => {
    replace({ entities: answer.entities, problems: answer.problems });
    setChosenId(answer.id);
    setStatus(message);
  };

  let list;
  if (index === null) {
    list = failed ? (
      <div className="library__empty">
        <p>The people and organisations could not be listed.</p>
        <button type="button" onClick={reload}>
          Try again
        </button>
      </div>
    ) : (
      <p className="loading" role="status">
        Reading who is credited…
      </p>
    );
  } else if (index.entities.length === 0) {
    list = <p className="library__empty">No one is credited with a quote yet.</p>;
  } else {
    list = (
      <>
        <p className="people__count" role="status">
          {shown.length === index.entities.length ? formatCount(index.entities.length, 'person or organisation', 'people and organisations') : `${formatCount(shown.length)} of ${formatCount(index.entities.length, 'person or organisation', 'people and organisations')}`}
        </p>
        <ul className="people__list" aria-label="People and organisations">
          {shown.map((e) => (
            <li key={e.id}>
              <button type="button" className="people__item" aria-current={e.id === chosen?.id ? 'true' : undefined} onClick={() => setChosenId(e.id)}>
                <span className="people__name">{e.name}</span>
                <span className="people__meta">
                  {e.kind} · {formatCount(e.quotes, 'quote')}
                  {e.annotations ? ` · ${formatCount(e.annotations, 'annotation')}` : ''} · {formatCount(e.articles.length, 'article')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </>
    );
  }

  return (
    <div className="people">
      <ScreenHead title="People and organisations">
        Everyone the corpus credits with a quote, with the other names the articles use. Merge two that are one, split off a name that is
        someone else, or give the canonical name: the coverage matrix, the annotation table’s Speaker column and filter, and the W3C, CSV
        and project exports use it. Undo takes a correction back like any other change.
      </ScreenHead>
      {index && index.problems.length > 0 ? (
        <ul className="people__problems" aria-label="Corrections that no longer apply">
          {index.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <div className="people__body">
        <div className="people__side">
          <label htmlFor={searchId} className="people__search-label">
            Find a person or organisation
          </label>
          <input id={searchId} type="search" className="people__search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name or alias" />
          {list}
        </div>
        {chosen && index ? <EntityDetail key={chosen.id} entity={chosen} all={index.entities} onApplied={applied} onOpen={onOpen} /> : null}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}

interface EntityDetailProps {
  entity: Entity;
  all: readonly Entity[];
  onApplied: (answer: Output<'mergeEntities'>, message: string) => void;
  onOpen: PeopleViewProps['onOpen'];
}

function EntityDetail({ entity, all, onApplied, onOpen }: EntityDetailProps) {
  const reportError = useReportError();
  const headingId = useId();
  const nameId = useId();
  const kindId = useId();
  const mergeId = useId();
  const [name, setName] = useState(entity.name);
  const [mergeFrom, setMergeFrom] = useState('');
  const [busy, setBusy] = useState(false);
  const [quotes, setQuotes] = useState<Output<'getEntityQuotes'>['quotes'] | null>(null);

  useEffect(() => {
    let live = true;
    getApi()
      .getEntityQuotes({ id: entity.id })
      .then(
        (out) => live && setQuotes(out.quotes),
        (err: unknown) => live && reportError(`Could not list the quotes of ${entity.name}`, err),
      );
    return () => {
      live = false;
    };
  }, [entity, reportError]);

  const run = async (action: string, call: () => Promise<Output<'mergeEntities'>>, message: string) => {
    setBusy(true);
    try {
      onApplied(await call(), message);
    } catch (err) {
      reportError(action, err);
    } finally {
      setBusy(false);
    }
  };

  const rename = (event: FormEvent) => {
    event.preventDefault();
    const next = name.trim();
    if (!next || next === entity.name) return;
    void run(`Could not rename ${entity.name}`, () => getApi().renameEntity({ id: entity.id, name: next }), `Renamed to ${next}`);
  };
  const merge = (event: FormEvent) => {
    event.preventDefault();
    const from = all.find((e) => e.id === mergeFrom);
    if (!from) return;
    void run(`Could not merge ${from.name} into ${entity.name}`, () => getApi().mergeEntities({ into: entity.id, from: [from.id] }), `Merged ${from.name} into ${entity.name}`);
  };
  const others = all.filter((e) => e.id !== entity.id).sort((a, b) => a.name.localeCompare(b.name));

  return (
    <section className="people__detail" aria-labelledby={headingId}>
      <h2 id={headingId}>{entity.name}</h2>
      <p className="people__meta">
        {formatCount(entity.quotes, 'detected quote')} · {formatCount(entity.annotations, 'annotation')} · {formatCount(entity.articles.length, 'article')} · id{' '}
        <code title="speaker_id in the CSV export, speakerId in the project file">{entity.id}</code>
      </p>

      <div className="people__forms">
        <form className="people__form" onSubmit={rename}>
          <label htmlFor={nameId}>Canonical name</label>
          <div className="people__row">
            <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
            <button type="submit" className="secondary-button" disabled={busy || !name.trim() || name.trim() === entity.name}>
              Rename
            </button>
          </div>
        </form>
        <div className="people__form">
          <label htmlFor={kindId}>Kind</label>
          <select
            id={kindId}
            value={entity.kind}
            disabled={busy}
            onChange={(e) => {
              const kind = e.target.value as EntityKind;
              void run(`Could not change the kind of ${entity.name}`, () => getApi().setEntityKind({ id: entity.id, kind }), `${entity.name} is now a ${kind}`);
            }}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <form className="people__form" onSubmit={merge}>
          <label htmlFor={mergeId}>Merge another into this one</label>
          <div className="people__row">
            <select id={mergeId} value={mergeFrom} onChange={(e) => setMergeFrom(e.target.value)}>
              <option value="">Choose…</option>
              {others.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name} ({e.kind}, {formatCount(e.quotes + e.annotations, 'quote')})
                </option>
              ))}
            </select>
            <button type="submit" className="secondary-button" disabled={busy || !mergeFrom}>
              Merge
            </button>
          </div>
        </form>
      </div>

      <h3>Also called</h3>
      {entity.aliases.length === 0 ? (
        <p className="muted">No other names.</p>
      ) : (
        <ul className="people__aliases">
          {entity.aliases.map((alias) => (
            <li key={alias}>
              <span>{alias}</span>
              <button
                type="button"
                className="secondary-button"
                disabled={busy}
                aria-label={`Split off “${alias}”`}
                title="Make this name an entity of its own, with the quotes credited by it"
                onClick={() => void run(`Could not split “${alias}” off ${entity.name}`, () => getApi().splitEntity({ id: entity.id, alias }), `Split “${alias}” off ${entity.name}`)}
              >
                Split off
              </button>
            </li>
          ))}
        </ul>
      )}

      <h3>Quotes credited</h3>
      {quotes === null ? (
        <p className="loading" role="status">
          Reading the quotes…
        </p>
      ) : quotes.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="people__quotes" aria-label={`Quotes credited to ${entity.name}`}>
          {quotes.map((q) => (
            <li key={`${q.articleId}:${q.start}:${q.annotationId ?? ''}`}>
              <blockquote>{excerpt(q.exact, 220)}</blockquote>
              <p className="people__meta">
                {q.annotationId ? 'Annotated' : 'Detected'} as “{q.said}” in{' '}
                <button type="button" className="link-button" onClick={() => onOpen(q.articleId, q.annotationId)}>
                  {excerpt(q.articleTitle || q.articleId, 80)}
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
