/**
 * Editing a coder's version before taking it into the consensus (issue 16):
 * the span's start and end (the arrow keys move them a character; the
 * passage they cover is shown as it changes), the tag, the tag's attributes
 * and the note. Enter (or the button) takes it; Escape cancels. What is
 * wrong with the draft is said under the form and the take waits.
 */
import { useEffect, useId, useRef } from 'react';
import type { AttributeDef, Tag } from '../../shared/model/model';
import { draftPassage, editedVersion, type EditedVersion, type VersionDraft } from './versionDraft';

export interface EditVersionFormProps {
  coder: string;
  draft: VersionDraft;
  text: string;
  codebook: readonly Tag[];
  onChange: (draft: VersionDraft) => void;
  onTake: (edited: EditedVersion) => void;
  onCancel: () => void;
}

export function EditVersionForm({ coder, draft, text, codebook, onChange, onTake, onCancel }: EditVersionFormProps) {
  const id = useId();
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => firstRef.current?.focus(), []);
  const checked = editedVersion(draft, codebook, text.length);
  const passage = draftPassage(text, draft);
  const tag = codebook.find((t) => t.id === draft.tagId);
  const set = (patch: Partial<VersionDraft>) => onChange({ ...draft, ...patch });
  const setAttribute = (def: AttributeDef, value: string) => set({ attributes: { ...draft.attributes, [def.id]: value } });

  return (
    <form
      className="adjudication__edit"
      aria-label={`Edit ${coder}’s version`}
      onSubmit={(e) => {
        e.preventDefault();
        if (checked.ok) onTake(checked.edited);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <p className="adjudication__edit-passage" aria-live="polite">
        <span className="muted">{passage.before ? `…${passage.before}` : ''}</span>
        <mark>{passage.exact}</mark>
        <span className="muted">{passage.after ? `${passage.after}…` : ''}</span>
      </p>
      <div className="adjudication__edit-fields">
        <label>
          Start
          <input ref={firstRef} type="number" min={0} max={text.length} value={draft.start} onChange={(e) => set({ start: Number(e.target.value) })} />
        </label>
        <label>
          End
          <input type="number" min={0} max={text.length} value={draft.end} onChange={(e) => set({ end: Number(e.target.value) })} />
        </label>
        <label>
          Tag
          <select value={draft.tagId} onChange={(e) => set({ tagId: e.target.value })}>
            {codebook.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        {(tag?.attributes ?? []).map((def) => (
          <label key={def.id}>
            {def.name}
            {def.type === 'choice' || def.type === 'boolean' ? (
              <select value={draft.attributes[def.id] ?? ''} onChange={(e) => setAttribute(def, e.target.value)}>
                <option value="">—</option>
                {(def.type === 'boolean' ? ['yes', 'no'] : def.options).map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : (
              <input type="text" inputMode={def.type === 'number' ? 'decimal' : undefined} value={draft.attributes[def.id] ?? ''} onChange={(e) => setAttribute(def, e.target.value)} />
            )}
          </label>
        ))}
        <label className="adjudication__edit-note">
          Note
          <input type="text" value={draft.note} onChange={(e) => set({ note: e.target.value })} />
        </label>
      </div>
      {checked.ok ? null : (
        <p id={`${id}-problem`} className="agreement__problem" role="alert">
          {checked.problem}
        </p>
      )}
      <div className="adjudication__edit-actions">
        <button type="submit" className="primary-button" disabled={!checked.ok} aria-describedby={checked.ok ? undefined : `${id}-problem`}>
          Take the edited version <kbd>Enter</kbd>
        </button>
        <button type="button" className="secondary-button" onClick={onCancel}>
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
