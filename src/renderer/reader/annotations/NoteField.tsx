/**
 * The annotation's note: a labelled textarea saved as the user types (after a
 * pause) and when it loses focus, with a quiet status line saying whether the
 * note is saved. Mount with `key={annotation.id}` so each annotation gets its
 * own field and a switch saves the previous note first.
 */
import { useId, useImperativeHandle, type Ref } from 'react';
import { useNoteAutosave, type NoteStatus } from './useNoteAutosave';

const STATUS_TEXT: Record<NoteStatus, string> = {
  saved: 'Saved',
  editing: 'Editing…',
  saving: 'Saving…',
  failed: 'Not saved yet: your text is kept; it will be saved again when you edit or leave the field',
};

export interface NoteFieldHandle {
  /** Saves what was typed now (the panel calls it before deleting). */
  flush: () => Promise<void>;
}

export interface NoteFieldProps {
  initial: string;
  save: (note: string) => Promise<void>;
  ref?: Ref<NoteFieldHandle>;
}

export function NoteField({ initial, save, ref }: NoteFieldProps) {
  const id = useId();
  const note = useNoteAutosave(initial, save);
  useImperativeHandle(ref, () => ({ flush: note.flush }), [note.flush]);

  return (
    <div className="note-field">
      <label htmlFor={id}>Note</label>
      <textarea
        id={id}
        value={note.value}
        rows={4}
        placeholder="Why this matters, how it compares…"
        onChange={(e) => note.change(e.target.value)}
        onBlur={() => void note.flush()}
        aria-describedby={`${id}-status`}
      />
      <p id={`${id}-status`} className={`note-field__status note-field__status--${note.status}`} role="status">
        {initial === '' && note.value === '' && note.status === 'saved' ? '' : STATUS_TEXT[note.status]}
      </p>
    </div>
  );
}
