/**
 * An attribute value that arrived as text (a CSV cell, another tool's
 * annotation) read as the type its attribute declares: "true"/"yes" and
 * "false"/"no" for a yes/no attribute, a decimal number for a number
 * attribute. Anything else is returned as it is, for checkAttributeValues to
 * accept or refuse.
 */
import type { AttributeDef, AttributeValue } from '../model/model';

const YES = new Set(['true', 'yes', '1']);
const NO = new Set(['false', 'no', '0']);

export function attributeValueFromText(def: Pick<AttributeDef, 'type'> | undefined, value: AttributeValue): AttributeValue {
  if (typeof value !== 'string' || !def) return value;
  const text = value.trim();
  if (def.type === 'boolean') {
    if (YES.has(text.toLowerCase())) return true;
    if (NO.has(text.toLowerCase())) return false;
  }
  if (def.type === 'number' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
  return value;
}
