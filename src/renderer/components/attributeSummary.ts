/**
 * An annotation's attribute values in one short line for lists, in the
 * order its tag declares them: "Speaker: Bondarev · Form: direct ·
 * Checkable: yes". Values the tag no longer declares are left out.
 */
import type { AttributeValue, Tag } from '../../shared/model/model';

export function attributeSummary(tag: Tag, values: Readonly<Record<string, AttributeValue>>): string {
  const parts: string[] = [];
  for (const def of tag.attributes) {
    const value = values[def.id];
    if (value === undefined || value === '') continue;
    const shown = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
    parts.push(`${def.name}: ${shown}`);
  }
  return parts.join(' · ');
}
