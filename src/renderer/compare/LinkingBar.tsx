/**
 * Side by side: the annotations picked for linking ("N selected"), "Link"
 * (asks for a label, then makes one group of them) and "Clear selection".
 */
import { useState } from 'react';
import { GroupLabelForm } from './GroupLabelForm';
import { passageLabel } from '../../shared/crossArticle/passageLabel';
import { formatCount } from '../components/formatCount';

export interface LinkingBarProps {
  /** The picked annotations' texts, in the order they were picked. */
  picked: readonly { exact: string }[];
  /** Resolves true when the group was made. */
  onLink: (label: string) => Promise<boolean>;
  onClear: () => void;
}

export function LinkingBar({ picked, onLink, onClear }: LinkingBarProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const count = picked.length;

  const submit = async (label: string) => {
    setBusy(true);
    const made = await onLink(label);
    setBusy(false);
    if (made) setAsking(false);
  };

  return (
    <>
      <div className="linking-bar" role="group" aria-label="Linking">
        <span className="linking-bar__count" aria-live="polite">
          {formatCount(count)} selected
        </span>
        <button
          type="button"
          className="secondary-button"
          disabled={count < 2}
          aria-expanded={asking}
          title={count < 2 ? 'Tick “Select for linking” in two or more annotations' : undefined}
          onClick={() => setAsking(true)}
        >
          Link
        </button>
        <button type="button" className="link-button" disabled={count === 0} onClick={onClear}>
          Clear selection
        </button>
      </div>
      {asking && count >= 2 ? (
        <div className="linking-form">
          <GroupLabelForm
            name="New group from the selected annotations"
            initialLabel={passageLabel(picked[0]?.exact ?? '')}
            busy={busy}
            onSubmit={(label) => void submit(label)}
            onCancel={() => setAsking(false)}
          />
        </div>
      ) : null}
    </>
  );
}
