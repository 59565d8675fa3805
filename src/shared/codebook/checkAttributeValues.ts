/**
 * Checks an annotation's attribute values against its tag's declarations in
 * the codebook: every value must belong to an attribute the tag declares and
 * have that attribute's type (a choice one of its options, a number finite).
 * Text values are trimmed and empty ones dropped, so "no value" is simply absent.
 */
import type { AttributeValue, Tag } from '../model/model';

export type AttributeCheck =
  | { ok: true; values: Record<string, AttributeValue> }
  | { ok: false; message: string };

export function checkAttributeValues(tag: Tag, values: Readonly<Record<string, AttributeValue>>): AttributeCheck {
  const checked: Record<string, AttributeValue> = Object.create(null) as Record<string, AttributeValue>;
  for (const [id, value] of Object.entries(values)) {
    const def = tag.attributes.find((a) => a.id === id);
    if (!def) return { ok: false, message: `The tag "${tag.name}" has no attribute "${id}".` };
    const named = `The attribute "${def.name}" of "${tag.name}"`;
    switch (def.type) {
      case 'text': {
        if (typeof value !== 'string') return { ok: false, message: `${named} takes text.` };
        const text = value.trim();
        if (text) checked[id] = text;
        break;
      }
      case 'choice':
        if (typeof value !== 'string') return { ok: false, message: `${named} takes one of: ${def.options.join(', ')}.` };
        if (value === '') break;
        if (!def.options.includes(value)) {
          return { ok: false, message: `${named} takes one of: ${def.options.join(', ')}; "${value}" is not among them.` };
        }
        checked[id] = value;
        break;
      case 'boolean':
        if (typeof value !== 'boolean') return { ok: false, message: `${named} takes yes or no.` };
        checked[id] = value;
        break;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, message: `${named} takes a number.` };
        checked[id] = value;
        break;
    }
  }
  return { ok: true, values: checked };
}

/** The values that stay meaningful when an annotation moves to another tag: those of attributes with the same id and type. */
export function carryAttributeValues(
  from: Tag | undefined,
  to: Tag,
  values: Readonly<Record<string, AttributeValue>>,
): Record<string, AttributeValue> {
  const kept: Record<string, AttributeValue> = Object.create(null) as Record<string, AttributeValue>;
  for (const [id, value] of Object.entries(values)) {
    const target = to.attributes.find((a) => a.id === id);
    const source = from?.attributes.find((a) => a.id === id);
    if (target && (!source || source.type === target.type) && checkAttributeValues(to, { [id]: value }).ok) kept[id] = value;
  }
  return kept;
}
