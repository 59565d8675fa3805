/**
 * Asks for a group's label (prefilled, selected so typing replaces it) and,
 * when accepting a shared passage, the tag its annotations get. "Create
 * group" submits; "Cancel" or Escape gives up. A small inline form named by
 * `name`, not a modal dialog, so the columns stay usable behind it.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Tag } from '../../shared/model/model';

export interface GroupLabelFormProps {
  /** Accessible name of the form ("New group from shared passage"). */
  name: string;
  initialLabel: string;
  /** When given, a "Tag" choice with this tag chosen at first. */
  tags?: { codebook: readonly Tag[]; initialTagId: string };
  busy: boolean;
  onSubmit: (label: string, tagId: string | null) => void;
  onCancel: () => void;
}

export function GroupLabelForm({ name, initialLabel, tags, busy, onSubmit, onCancel }: GroupLabelFormProps) {
  const labelId = useId();
  const tagId = useId();
  const [label, setLabel] = useState(initialLabel);
  const [tag, setTag] = useState(tags?.initialTagId ?? '');
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit(label.trim(), tags ? tag : null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <form className="group-form" aria-label={name} onSubmit={submit} onKeyDown={onKeyDown} aria-busy={busy || undefined}>
      <div className="field group-form__label">
        <label htmlFor={labelId}>Group label</label>
        <input id={labelId} ref={inputRef} type="text" value={label} maxLength={500} onChange={(e) => setLabel(e.target.value)} />
      </div>
      {tags ? (
        <div className="field">
          <label htmlFor={tagId}>Tag</label>
          <select id={tagId} value={tag} onChange={(e) => setTag(e.target.value)}>
            {tags.codebook.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="group-form__actions">
        <button type="submit" className="primary-button" disabled={busy}>
          Create group
        </button>
        <button type="button" className="secondary-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
