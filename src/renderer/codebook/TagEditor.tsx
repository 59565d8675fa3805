/**
 * The form for one tag of the codebook: name, colour, key (1–9, or none;
 * keys other tags use are shown but cannot be picked), description and
 * attributes. "Save tag" checks the draft against the codebook's rules first
 * and shows what is wrong next to the buttons; the core checks again.
 * Escape, like "Cancel", closes the form without saving.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { editCodebook } from '../../shared/codebook/editCodebook';
import type { Tag } from '../../shared/model/model';
import { AttributeEditor } from './AttributeEditor';
import { tagFromDraft, type TagDraft } from './tagDraft';

export interface TagEditorProps {
  initial: TagDraft;
  codebook: readonly Tag[];
  /** Saves the tag; resolves to an error message, or null once saved. */
  onSave: (tag: ReturnType<typeof tagFromDraft>) => Promise<string | null>;
  onCancel: () => void;
}

export function TagEditor({ initial, codebook, onSave, onCancel }: TagEditorProps) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);

  const set = (patch: Partial<TagDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblem(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const tag = tagFromDraft(draft);
    const check = tag.id ? editCodebook(codebook, { op: 'save', tag: { ...tag, id: tag.id } }) : editCodebook(codebook, { op: 'add', ...tag });
    if (!check.ok) {
      setProblem(check.message);
      return;
    }
    setBusy(true);
    const failed = await onSave(tag);
    setBusy(false);
    setProblem(failed);
  };

  const heading = draft.id ? `Edit “${initial.name}”` : 'New tag';
  return (
    <form
      className="tag-editor"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <h2 id={`${id}-title`} className="tag-editor__title">
        {heading}
      </h2>
      <div className="tag-editor__grid">
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input ref={nameRef} id={`${id}-name`} type="text" value={draft.name} maxLength={100} onChange={(e) => set({ name: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-color`}>Colour</label>
          <input id={`${id}-color`} type="color" value={draft.color} onChange={(e) => set({ color: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-key`}>Key</label>
          <select
            id={`${id}-key`}
            value={draft.key === null ? '' : String(draft.key)}
            onChange={(e) => set({ key: e.target.value === '' ? null : Number(e.target.value) })}
          >
            <option value="">None</option>
            {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => {
              const owner = codebook.find((t) => t.key === k && t.id !== draft.id);
              return (
                <option key={k} value={k} disabled={!!owner}>
                  {owner ? `${k} (${owner.name})` : String(k)}
                </option>
              );
            })}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Description</label>
        <textarea
          id={`${id}-description`}
          rows={2}
          value={draft.description}
          placeholder="What annotators should mark with this tag"
          onChange={(e) => set({ description: e.target.value })}
        />
      </div>
      <AttributeEditor tagName={draft.name} attributes={draft.attributes} onChange={(attributes) => set({ attributes })} />
      {problem ? (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="tag-editor__actions">
        <button type="submit" className="primary-button" aria-busy={busy || undefined}>
          Save tag
        </button>
        <button type="button" className="secondary-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
