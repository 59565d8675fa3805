/**
 * "Who is coding?": the coder's name, with optional initials and colour,
 * asked on the first start of a data folder and changed later from the
 * header's coder button. A modal <dialog>; Escape or "Not now" closes it
 * (the first-start question comes back on the next start). Saving stores the
 * coder in the data folder (setCoder); when the name is another coder's
 * already the core's warning is shown and the dialog stays open to change
 * it (or keep it).
 */
import { useId, useState, type FormEvent } from 'react';
import { defaultInitials } from '../../shared/coders/coderProfile';
import { getApi } from '../api/getApi';
import { coderColour } from '../components/coderColour';
import type { Coder } from '../data/coderContext';
import { errorMessage } from './errorMessage';
import { ModalDialog } from '../components/ModalDialog';
import './coder.css';

export interface CoderDialogProps {
  coder: Coder;
  onSaved: (coder: Coder) => void;
  onClose: () => void;
}

export function CoderDialog({ coder, onSaved, onClose }: CoderDialogProps) {
  const id = useId();
  const [name, setName] = useState(coder.chosen ? coder.name : '');
  const [initials, setInitials] = useState(coder.initials ?? '');
  const [colour, setColour] = useState(coderColour(coder.name, coder.colour));
  const [problem, setProblem] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const saved = await getApi().setCoder({ name, initials: initials.trim() === '' ? null : initials.trim(), colour });
      const { warning: said, ...next } = saved;
      onSaved(next);
      if (said) setWarning(said);
      else onClose();
    } catch (err) {
      setProblem(errorMessage('Could not save the coder', err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      className="coder-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-why`}
      onClose={onClose}
    >
      <form onSubmit={(e) => void submit(e)}>
        <h2 id={`${id}-title`}>{coder.chosen ? 'Change the coder' : 'Who is coding?'}</h2>
        <p id={`${id}-why`} className="muted">
          Every annotation, group and credit you make records this name, so a team’s codings can be told apart and compared. What exists
          keeps its creator.
        </p>
        <div className="field">
          <label htmlFor={`${id}-name`}>Your name</label>
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            required
            maxLength={100}
            autoComplete="name"
            placeholder={coder.chosen ? undefined : coder.name}
            onChange={(e) => {
              setName(e.target.value);
              setWarning(null);
            }}
            autoFocus
          />
        </div>
        <div className="coder-dialog__row">
          <div className="field">
            <label htmlFor={`${id}-initials`}>Initials (optional)</label>
            <input
              id={`${id}-initials`}
              type="text" className="coder-dialog__initials"
              value={initials}
              maxLength={3}
              placeholder={defaultInitials(name || coder.name)}
              onChange={(e) => setInitials(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-colour`}>Colour (optional)</label>
            <input id={`${id}-colour`} type="color" className="coder-dialog__colour" value={colour} onChange={(e) => setColour(e.target.value)} />
          </div>
        </div>
        {problem ? (
          <p role="alert" className="coder-dialog__problem">
            {problem}
          </p>
        ) : null}
        {warning ? (
          <p role="alert" className="coder-dialog__warning">
            Saved. {warning}
          </p>
        ) : null}
        <div className="coder-dialog__actions">
          <button type="submit" className="primary-button" disabled={name.trim() === '' || busy} aria-busy={busy || undefined}>
            Save
          </button>
          <button type="button" className="secondary-button" onClick={onClose}>
            {warning ? 'Keep this name' : coder.chosen ? 'Cancel' : 'Not now'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
