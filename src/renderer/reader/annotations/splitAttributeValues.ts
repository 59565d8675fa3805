/**
 * An annotation's stored attribute values split by what its tag accepts
 * today: `valid` (in the tag's order) is what the panel shows and saves;
 * `stale` are values of attributes the tag no longer declares, or no longer
 * accepts (type or options changed), kept in the file but not shown as fields.
 */
import { checkAttributeValues } from '../../../shared/codebook/checkAttributeValues';
import type { AttributeValue, Tag } from '../../../shared/model/model';

export function splitAttributeValues(
  tag: Tag,
  values: Readonly<Record<string, AttributeValue>>,
): { valid: Record<string, AttributeValue>; stale: [string, AttributeValue][] } {
  const valid: Record<string, AttributeValue> = {};
  for (const def of tag.attributes) {
    const value = values[def.id];
    if (value !== undefined && checkAttributeValues(tag, { [def.id]: value }).ok) valid[def.id] = value;
  }
  const stale = Object.entries(values).filter(([id]) => !(id in valid));
  return { valid, stale };
}
