/**
 * "Add to group…": links one annotation into a group from anywhere (the
 * reader's annotation card, the annotation table). The button opens a modal
 * dialog with a search over the existing groups (groupSearch; those the
 * annotation is already in are left out) and a "New group" form whose label
 * defaults to the quote's first words (passageLabel: no "…"). Escape or
 * "Cancel" closes it and changes nothing; focus returns to the button.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Group } from '../../shared/crossArticle/crossArticle';
import { passageLabel } from '../../shared/crossArticle/passageLabel';
import { excerpt } from './excerpt';
import { groupSearch } from './groupSearch';
import { ModalDialog } from './ModalDialog';
import { formatCount } from './formatCount';

export interface AddToGroupControlProps {
  /** The annotation's text: shown in the dialog and the new group's default label. */
  exact: string;
  groups: readonly Group[];
  /** Ids of the groups the annotation is already in. */
  memberOf: ReadonlySet<string>;
  /** Resolve true when done (the dialog closes). */
  onAdd: (groupId: string) => Promise<boolean>;
  onCreate: (label: string) => Promise<boolean>;
  /** The button's class (the app's button styles). */
  className?: string;
}

export function AddToGroupControl({ exact, groups, memberOf, onAdd, onCreate, className = 'secondary-button' }: AddToGroupControlProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Back to the button once the modal dialog has closed (while it is open, the rest of the page is inert).
  useEffect(() => {
    if (!open && wasOpen.current) buttonRef.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const close = () => setOpen(false);
  return (
    <>
      <button ref={buttonRef} type="button" className={className} aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(true)}>
        Add to group…
      </button>
      {open ? <AddToGroupDialog exact={exact} groups={groups} memberOf={memberOf} onAdd={onAdd} onCreate={onCreate} onClose={close} /> : null}
    </>
  );
}

interface DialogProps extends Omit<AddToGroupControlProps, 'className'> {
  onClose: () => void;
}

function AddToGroupDialog({ exact, groups, memberOf, onAdd, onCreate, onClose }: DialogProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [label, setLabel] = useState(() => passageLabel(exact));
  const [busy, setBusy] = useState(false);
  const found = groupSearch(groups, query, memberOf);
  const already = groups.filter((g) => memberOf.has(g.id));

  const run = async (action: () => Promise<boolean>) => {
    if (busy) return;
    setBusy(true);
    const done = await action();
    setBusy(false);
    if (done) onClose();
  };

  const create = (event: FormEvent) => {
    event.preventDefault();
    void run(() => onCreate(label.trim()));
  };

  return (
    <ModalDialog
      className="add-to-group"
      aria-labelledby={`${id}-title`}
      aria-busy={busy || undefined}
      onClose={onClose}
    >
      <h2 id={`${id}-title`}>Add to a group</h2>
      <p className="add-to-group__quote">“{excerpt(exact, 160)}”</p>
      {already.length > 0 ? (
        <p className="add-to-group__already">Already in {already.map((g) => `“${g.label || 'Untitled group'}”`).join(', ')}.</p>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-find`}>Find a group</label>
        <input
          id={`${id}-find`}
          type="search"
          value={query}
          autoFocus
          placeholder="Words of its label"
          aria-controls={`${id}-list`}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <ul id={`${id}-list`} className="add-to-group__list" aria-label="Groups">
        {found.map((g) => (
          <li key={g.id}>
            <button type="button" className="add-to-group__pick" disabled={busy} onClick={() => void run(() => onAdd(g.id))}>
              <span className="add-to-group__label">{g.label || 'Untitled group'}</span>
              <span className="add-to-group__count">
                {formatCount(g.members.length, 'annotation')}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p className="add-to-group__none" role="status">
        {found.length === 0 ? (groups.length - already.length === 0 ? 'No other groups yet.' : 'No group matches.') : ''}
      </p>
      <form className="add-to-group__new" aria-label="New group" onSubmit={create}>
        <div className="field">
          <label htmlFor={`${id}-label`}>New group label</label>
          <input id={`${id}-label`} type="text" value={label} maxLength={500} onChange={(e) => setLabel(e.target.value)} />
        </div>
        <div className="add-to-group__actions">
          <button type="submit" className="primary-button" disabled={busy}>
            Create group
          </button>
          <button type="button" className="secondary-button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
