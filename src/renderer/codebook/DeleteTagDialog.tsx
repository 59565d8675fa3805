/**
 * Asks before a tag is deleted. A tag in use says how many annotations in
 * how many articles carry it, and what becomes of them: moved to another tag
 * (keeping the attribute values both tags declare) or deleted too (and so
 * dropped from their groups and credits). A modal <dialog>: Escape or
 * "Cancel" closes it and changes nothing.
 */
import { useId, useState, type FormEvent } from 'react';
import type { Tag } from '../../shared/model/model';
import { ModalDialog } from '../components/ModalDialog';
import { formatCount } from '../components/formatCount';

export type TagDeletion = 'delete' | { moveTo: string };

export interface DeleteTagDialogProps {
  tag: Tag;
  codebook: readonly Tag[];
  /** Null while counting: nothing can be confirmed yet. */
  usage: { annotations: number; articles: number } | null;
  onConfirm: (annotations: TagDeletion) => Promise<void>;
  onClose: () => void;
}


export function DeleteTagDialog({ tag, codebook, usage, onConfirm, onClose }: DeleteTagDialogProps) {
  const id = useId();
  const others = codebook.filter((t) => t.id !== tag.id);
  const [choice, setChoice] = useState<'move' | 'delete'>('move');
  const [moveTo, setMoveTo] = useState(others[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const inUse = !!usage && usage.annotations > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !usage) return;
    setBusy(true);
    await onConfirm(inUse && choice === 'move' ? { moveTo } : 'delete');
    setBusy(false);
  };

  return (
    <ModalDialog
      className="delete-tag-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
    >
      <form onSubmit={(e) => void submit(e)}>
        <h2 id={`${id}-title`}>Delete the tag “{tag.name}”?</h2>
        {!usage ? (
          <p role="status">Counting the annotations that use it…</p>
        ) : inUse ? (
          <fieldset className="delete-tag-dialog__choice">
            <legend>
              {formatCount(usage.annotations, 'annotation', 'annotations')} in {formatCount(usage.articles, 'article', 'articles')} use it. What
              becomes of them?
            </legend>
            <label className="radio-line">
              <input type="radio" name={`${id}-what`} checked={choice === 'move'} onChange={() => setChoice('move')} />
              Move them to another tag
            </label>
            <div className="field delete-tag-dialog__target">
              <label htmlFor={`${id}-target`}>Move to</label>
              <select id={`${id}-target`} value={moveTo} disabled={choice !== 'move'} onChange={(e) => setMoveTo(e.target.value)}>
                {others.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </div>
            <label className="radio-line">
              <input type="radio" name={`${id}-what`} checked={choice === 'delete'} onChange={() => setChoice('delete')} />
              Delete them too (they also leave their groups and credits)
            </label>
          </fieldset>
        ) : (
          <p>No annotation uses it.</p>
        )}
        {inUse && choice === 'move' ? (
          <p className="muted">Moved annotations keep their note and the attribute values both tags declare.</p>
        ) : null}
        <div className="delete-tag-dialog__actions">
          <button type="submit" className="danger-button" disabled={!usage} aria-busy={busy || undefined}>
            {inUse && choice === 'move' ? 'Move annotations and delete tag' : inUse ? 'Delete tag and its annotations' : 'Delete tag'}
          </button>
          <button type="button" className="secondary-button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
