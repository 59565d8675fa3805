/**
 * The selected shared passage (one alignment group): how many of the open
 * articles carry it and its wording in each, "Scroll all columns to it", and
 * "Accept as group", which asks for a label and a tag and turns the passages
 * into annotations linked as one group. A non-modal `<section>` named
 * "Shared passage"; it takes the focus when chosen from the keyboard (Enter
 * in the text), and Escape closes it.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { AlignedGroupResult } from '../../shared/crossArticle/crossArticle';
import type { Tag } from '../../shared/model/model';
import { excerpt } from '../components/excerpt';
import { GroupLabelForm } from './GroupLabelForm';
import { passageLabel } from '../../shared/crossArticle/passageLabel';

export interface SharedPassagePanelProps {
  group: AlignedGroupResult;
  /** The open columns, in order: their titles name the passages. */
  columns: readonly { id: string; title: string }[];
  codebook: readonly Tag[];
  /** The tag to offer (Quote inside a detected quote, else Claim). */
  defaultTagId: () => string;
  /** Move the keyboard focus to the panel (it was chosen from the keyboard). */
  takeFocus: boolean;
  onScrollAll: () => void;
  /** Resolves to a line saying what was made, or null when it failed (reported elsewhere). */
  onAccept: (label: string, tagId: string) => Promise<string | null>;
  onClose: () => void;
}

export function SharedPassagePanel(props: SharedPassagePanelProps) {
  const { group, columns, codebook, defaultTagId, takeFocus, onScrollAll, onAccept, onClose } = props;
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocus) headingRef.current?.focus();
  }, [takeFocus, group.id]);
  const [form, setForm] = useState<{ tagId: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const articles = new Set(group.passages.map((p) => p.article));
  const titleOf = (id: string) => columns.find((c) => c.id === id)?.title ?? id;
  const ordered = [...group.passages].sort(
    (a, b) => columns.findIndex((c) => c.id === a.article) - columns.findIndex((c) => c.id === b.article) || a.start - b.start,
  );

  const submit = async (label: string, tagId: string | null) => {
    setBusy(true);
    const done = await onAccept(label, tagId ?? defaultTagId());
    setBusy(false);
    if (done) {
      setForm(null);
      setMessage(done);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <section className="shared-passage" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <div className="shared-passage__head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="shared-passage__title">
          Shared passage
        </h2>
        <p className="shared-passage__count">
          Carried by {articles.size} of {columns.length} articles
        </p>
        <div className="shared-passage__actions">
          <button type="button" className="secondary-button" onClick={onScrollAll}>
            Scroll all columns to it
          </button>
          <button
            type="button"
            className="primary-button"
            aria-expanded={form !== null}
            onClick={() => {
              setMessage('');
              setForm({ tagId: defaultTagId() });
            }}
          >
            Accept as group
          </button>
        </div>
        <p className="shared-passage__status" role="status">
          {message}
        </p>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close shared passage" title="Close (Esc)">
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {form ? (
        <GroupLabelForm
          name="New group from this shared passage"
          initialLabel={passageLabel(ordered[0]?.exact ?? '')}
          tags={{ codebook, initialTagId: form.tagId }}
          busy={busy}
          onSubmit={(label, tagId) => void submit(label, tagId)}
          onCancel={() => setForm(null)}
        />
      ) : null}
      <ul className="shared-passage__list" aria-label="Wording in each article" tabIndex={0}>
        {ordered.map((p) => (
          <li key={`${p.article}:${p.start}`} title={p.exact}>
            <span className="shared-passage__article">{excerpt(titleOf(p.article), 60)}</span>
            <q className="shared-passage__wording">{excerpt(p.exact, 240)}</q>
          </li>
        ))}
      </ul>
    </section>
  );
}
