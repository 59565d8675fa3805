/**
 * The open annotation's attribute values, one input per attribute its tag
 * declares: a text field, a list for a choice, yes / no, a number. Saved like
 * the note (createNoteSaver): text after a pause or on leaving the field,
 * the other kinds at once; a quiet status line says whether they are saved,
 * and why not when the core refused them. Values of attributes the tag no
 * longer declares are listed, read-only: they are dropped on the next save.
 * Mount with `key={annotation.id + tag}` so a retag starts afresh.
 * The fields that credit someone (a Quote's speaker, a Source's name) offer
 * the people index's names as one types; any other name can be typed.
 */
import { useId, useImperativeHandle, useState, type Ref } from 'react';
import type { AttributeDef, AttributeValue, Tag } from '../../../shared/model/model';
import { errorMessage } from '../../app/errorMessage';
import { splitAttributeValues } from './splitAttributeValues';
import { useNoteAutosave } from './useNoteAutosave';

export interface AttributeFieldsHandle {
  flush: () => Promise<void>;
}

export interface AttributeFieldsProps {
  tag: Tag;
  values: Readonly<Record<string, AttributeValue>>;
  save: (values: Record<string, AttributeValue>) => Promise<void>;
  ref?: Ref<AttributeFieldsHandle>;
  /** The people index's canonical names, offered in the speaker / name field. */
  speakerNames?: readonly string[];
}

type Values = Record<string, AttributeValue>;

const numberText = (value: AttributeValue | undefined): string => (typeof value === 'number' ? String(value) : '');

export function AttributeFields({ tag, values, save, ref, speakerNames = [] }: AttributeFieldsProps) {
  const id = useId();
  const [{ valid: initial, stale }] = useState(() => splitAttributeValues(tag, values));
  const [problem, setProblem] = useState<string | null>(null);
  const autosave = useNoteAutosave(JSON.stringify(initial), async (json) => {
    try {
      await save(JSON.parse(json) as Values);
      setProblem(null);
    } catch (err) {
      setProblem(errorMessage('Not saved', err));
      throw err;
    }
  });
  const current = JSON.parse(autosave.value) as Values;
  const [numbers, setNumbers] = useState<Record<string, string>>(() =>
    Object.fromEntries(tag.attributes.filter((a) => a.type === 'number').map((a) => [a.id, numberText(initial[a.id])])),
  );
  const [numberProblem, setNumberProblem] = useState<Record<string, boolean>>({});
  useImperativeHandle(ref, () => ({ flush: autosave.flush }), [autosave.flush]);

  if (tag.attributes.length === 0 && stale.length === 0) return null;

  const setValue = (def: AttributeDef, value: AttributeValue | undefined, now: boolean) => {
    const next: Values = { ...current };
    if (value === undefined) delete next[def.id];
    else next[def.id] = value;
    autosave.change(JSON.stringify(next));
    if (now) void autosave.flush();
  };

  const input = (def: AttributeDef) => {
    const fieldId = `${id}-${def.id}`;
    const value = current[def.id];
    switch (def.type) {
      case 'text': {
        const credits = def.id === 'speaker' || (tag.id === 'source' && def.id === 'name');
        return (
          <>
            <input
              id={fieldId}
              type="text"
              list={credits ? `${fieldId}-names` : undefined}
              value={typeof value === 'string' ? value : ''}
              onChange={(e) => setValue(def, e.target.value === '' ? undefined : e.target.value, false)}
              onBlur={() => void autosave.flush()}
            />
            {credits ? (
              <datalist id={`${fieldId}-names`}>
                {speakerNames.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            ) : null}
          </>
        );
      }
      case 'choice':
        return (
          <select id={fieldId} value={typeof value === 'string' ? value : ''} onChange={(e) => setValue(def, e.target.value || undefined, true)}>
            <option value="">—</option>
            {def.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        );
      case 'boolean':
        return (
          <select
            id={fieldId}
            value={value === true ? 'yes' : value === false ? 'no' : ''}
            onChange={(e) => setValue(def, e.target.value === '' ? undefined : e.target.value === 'yes', true)}
          >
            <option value="">—</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </select>
        );
      case 'number': {
        const bad = !!numberProblem[def.id];
        return (
          <>
            <input
              id={fieldId}
              type="text"
              inputMode="decimal"
              value={numbers[def.id] ?? ''}
              aria-invalid={bad || undefined}
              aria-describedby={bad ? `${fieldId}-problem` : undefined}
              onChange={(e) => {
                const raw = e.target.value;
                setNumbers((n) => ({ ...n, [def.id]: raw }));
                const parsed = Number(raw.trim().replace(',', '.'));
                const ok = raw.trim() === '' || Number.isFinite(parsed);
                setNumberProblem((p) => ({ ...p, [def.id]: !ok }));
                if (ok) setValue(def, raw.trim() === '' ? undefined : parsed, false);
              }}
              onBlur={() => void autosave.flush()}
            />
            {bad ? (
              <span id={`${fieldId}-problem`} className="attribute-fields__problem">
                Enter a number, such as 3 or 2.5.
              </span>
            ) : null}
          </>
        );
      }
    }
  };

  const statusText =
    autosave.status === 'failed'
      ? (problem ?? 'Not saved yet.')
      : autosave.status === 'saving'
        ? 'Saving…'
        : autosave.status === 'editing'
          ? 'Editing…'
          : autosave.value === JSON.stringify(initial)
            ? ''
            : 'Saved';

  return (
    <fieldset className="attribute-fields">
      <legend>Attributes</legend>
      {tag.attributes.map((def) => (
        <div key={def.id} className={`field attribute-fields__field attribute-fields__field--${def.type}`}>
          <label htmlFor={`${id}-${def.id}`}>{def.name}</label>
          {input(def)}
        </div>
      ))}
      {stale.length > 0 ? (
        <p className="attribute-fields__stale muted">
          Also stored, no longer in the codebook: {stale.map(([k, v]) => `${k}: ${String(v)}`).join('; ')}. Dropped when these
          attributes are next saved.
        </p>
      ) : null}
      <p className={`note-field__status note-field__status--${autosave.status}`} role="status">
        {statusText}
      </p>
    </fieldset>
  );
}
