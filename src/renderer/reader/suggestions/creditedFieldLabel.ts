/**
 * The label of a Quote or Source suggestion's "who is credited" field: the
 * name the codebook gives the attribute accepting fills (a Quote's speaker,
 * a Source's name, as decideSuggestions does), so the field reads the same
 * as the annotation's panel after accepting ("Name" on a Source).
 */
import type { Tag } from '../../../shared/model/model';

export function creditedFieldLabel(tag: Tag): string {
  const attribute = tag.attributes.find((a) => a.id === 'speaker') ?? (tag.id === 'source' ? tag.attributes.find((a) => a.id === 'name') : undefined);
  return attribute?.name || 'Speaker';
}
