/**
 * The attributes of a tag being edited: one row per attribute (name, type,
 * and for a choice its options, one per line), a "Remove" button per row and
 * "Add attribute". Changes stay in the tag's draft until the tag is saved.
 */
import { useId } from 'react';
import type { AttributeType } from '../../shared/model/model';
import { draftKey, type AttributeDraft } from './tagDraft';

export const TYPE_LABEL: Record<AttributeType, string> = { text: 'Text', choice: 'Choice', boolean: 'Yes / no', number: 'Number' };

export interface AttributeEditorProps {
  tagName: string;
  attributes: readonly AttributeDraft[];
  onChange: (attributes: AttributeDraft[]) => void;
}

export function AttributeEditor({ tagName, attributes, onChange }: AttributeEditorProps) {
  const id = useId();
  const set = (key: string, patch: Partial<AttributeDraft>) => onChange(attributes.map((a) => (a.key === key ? { ...a, ...patch } : a)));
  const add = () => {
    const key = draftKey();
    onChange([...attributes, { key, id: '', name: '', type: 'text', options: '' }]);
    // The new row's name field takes the focus once drawn.
    requestAnimationFrame(() => document.getElementById(`${id}-${key}-name`)?.focus());
  };
  return (
    <fieldset className="attribute-editor">
      <legend>Attributes</legend>
      {attributes.length === 0 ? <p className="muted attribute-editor__empty">No attributes: annotations with this tag carry only a note.</p> : null}
      <ol className="attribute-editor__rows">
        {attributes.map((a, i) => {
          const base = `${id}-${a.key}`;
          const label = a.name.trim() || `attribute ${i + 1}`;
          return (
            <li key={a.key} className="attribute-editor__row">
              <div className="field">
                <label htmlFor={`${base}-name`}>Name</label>
                <input id={`${base}-name`} type="text" value={a.name} maxLength={100} onChange={(e) => set(a.key, { name: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`${base}-type`}>Type</label>
                <select id={`${base}-type`} value={a.type} onChange={(e) => set(a.key, { type: e.target.value as AttributeType })}>
                  {(Object.keys(TYPE_LABEL) as AttributeType[]).map((t) => (
                    <option key={t} value={t}>
                      {TYPE_LABEL[t]}
                    </option>
                  ))}
                </select>
              </div>
              {a.type === 'choice' ? (
                <div className="field attribute-editor__options">
                  <label htmlFor={`${base}-options`}>Options, one per line</label>
                  <textarea id={`${base}-options`} rows={3} value={a.options} onChange={(e) => set(a.key, { options: e.target.value })} />
                </div>
              ) : null}
              <button
                type="button"
                className="secondary-button attribute-editor__remove"
                aria-label={`Remove ${label} from ${tagName.trim() || 'this tag'}`}
                onClick={() => onChange(attributes.filter((x) => x.key !== a.key))}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="secondary-button" onClick={add}>
        Add attribute
      </button>
      <p className="field__hint">
        Removing an attribute, or changing its type, hides the values annotations already have for it; they stay stored, and
        come back if the attribute is restored with the same name.
      </p>
    </fieldset>
  );
}
