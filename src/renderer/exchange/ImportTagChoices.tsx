/**
 * The import's mapping step: each tag the file names but the codebook lacks,
 * with how many items carry it, and a choice — map it onto a codebook tag,
 * create it, or leave its items out (created by default, as a colleague's
 * project would want). Nothing is stored until "Import"; "Cancel" imports
 * nothing.
 */
import { useId, useState } from 'react';
import type { Tag } from '../../shared/model/model';
import { choiceFromValue, choiceValue, type TagChoice } from './tagChoiceOptions';
import { formatCount } from '../components/formatCount';

interface Props {
  unknownTags: readonly { name: string; items: number }[];
  codebook: readonly Tag[];
  busy: boolean;
  onConfirm: (choices: ReadonlyMap<string, TagChoice>) => void;
  onCancel: () => void;
}


export function ImportTagChoices({ unknownTags, codebook, busy, onConfirm, onCancel }: Props) {
  const baseId = useId();
  const [choices, setChoices] = useState<ReadonlyMap<string, TagChoice>>(() => new Map(unknownTags.map((t) => [t.name, { kind: 'create' }])));
  return (
    <div className="import-tags">
      <p className="import-tags__intro">Say what each one is. Nothing is imported until you choose Import.</p>
      <ul className="import-tags__list">
        {unknownTags.map((tag, i) => {
          const id = `${baseId}-${i}`;
          return (
            <li key={tag.name} className="import-tags__row">
              <label htmlFor={id} className="import-tags__name">
                “{tag.name}” <span className="import-tags__count">({formatCount(tag.items, 'item')})</span>
              </label>
              <select
                id={id}
                className="import-tags__choice"
                value={choiceValue(choices.get(tag.name) ?? { kind: 'create' })}
                onChange={(e) => setChoices(new Map(choices).set(tag.name, choiceFromValue(e.target.value)))}
              >
                <option value="create">Create the tag “{tag.name}”</option>
                <option value="leave-out">Leave its items out</option>
                <optgroup label="Map onto the codebook’s tag">
                  {codebook.map((t) => (
                    <option key={t.id} value={choiceValue({ kind: 'map', tagId: t.id })}>
                      {t.name}
                    </option>
                  ))}
                </optgroup>
              </select>
            </li>
          );
        })}
      </ul>
      <div className="import-tags__actions">
        <button type="button" className="primary-button" disabled={busy} aria-busy={busy || undefined} onClick={() => onConfirm(choices)}>
          Import
        </button>
        <button type="button" className="header-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
