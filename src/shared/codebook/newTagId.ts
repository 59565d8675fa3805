import { RESERVED_IDS } from '../model/idFormat';

/**
 * Ids for new tags and attributes, made from their names: lower case
 * letters, digits and "-" (at most 40), made unique against the ids taken by
 * adding "-2", "-3", …. Ids never change afterwards, so renaming keeps every
 * annotation's tag and attribute values.
 */
export function newTagId(name: string, taken: Iterable<string>, fallback = 'tag'): string {
  // "constructor" and the like are never ids (see idFormat.ts): taken from the start.
  const used = new Set([...taken, ...RESERVED_IDS]);
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || fallback;
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
