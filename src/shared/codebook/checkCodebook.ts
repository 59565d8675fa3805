/**
 * The rules a codebook keeps: at least one tag and at most MAX_TAGS; every tag
 * has a unique id and a unique non-blank name (case ignored), a `#rrggbb`
 * colour, a key 1–9 no other tag has (or none); within a tag, attribute ids
 * and names are unique, and a choice attribute offers one or more distinct
 * options. Returns the first problem as a sentence naming the tag, or null.
 */
import type { Tag } from '../model/model';

export const MAX_TAGS = 100;

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export function checkCodebook(tags: readonly Tag[]): string | null {
  if (tags.length === 0) return 'The codebook needs at least one tag.';
  if (tags.length > MAX_TAGS) return `The codebook holds at most ${MAX_TAGS} tags; this one has ${tags.length}.`;
  for (const [i, tag] of tags.entries()) {
    const label = tag.name.trim() ? `The tag "${tag.name.trim()}"` : `Tag ${i + 1}`;
    if (!tag.name.trim()) return `${label} has no name.`;
    if (!/^#[0-9a-fA-F]{6}$/.test(tag.color)) return `${label} has the colour "${tag.color}"; colours are written #rrggbb.`;
    if (tag.key !== null && !(Number.isInteger(tag.key) && tag.key >= 1 && tag.key <= 9)) {
      return `${label} has the key ${String(tag.key)}; keys are 1 to 9, or none.`;
    }
    for (const other of tags.slice(0, i)) {
      if (other.id === tag.id) return `Two tags have the id "${tag.id}".`;
      if (sameName(other.name, tag.name)) return `Two tags are named "${tag.name.trim()}".`;
      if (tag.key !== null && other.key === tag.key) return `"${other.name}" and "${tag.name}" both have the key ${tag.key}.`;
    }
    for (const [j, attr] of tag.attributes.entries()) {
      const attrLabel = `The attribute "${attr.name.trim() || attr.id}" of "${tag.name.trim()}"`;
      if (!attr.name.trim()) return `An attribute of "${tag.name.trim()}" has no name.`;
      for (const other of tag.attributes.slice(0, j)) {
        if (other.id === attr.id) return `Two attributes of "${tag.name.trim()}" have the id "${attr.id}".`;
        if (sameName(other.name, attr.name)) return `Two attributes of "${tag.name.trim()}" are named "${attr.name.trim()}".`;
      }
      if (attr.type === 'choice') {
        const options = attr.options.map((o) => o.trim());
        if (options.length === 0 || options.every((o) => !o)) return `${attrLabel} is a choice but offers no options.`;
        if (options.some((o) => !o)) return `${attrLabel} has a blank option.`;
        const twice = options.find((o, k) => options.indexOf(o) !== k);
        if (twice !== undefined) return `${attrLabel} offers "${twice}" twice.`;
      }
    }
  }
  return null;
}
