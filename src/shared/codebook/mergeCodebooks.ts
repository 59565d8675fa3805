/**
 * Importing a shared codebook into this library's: the file's tags come
 * first, in the file's order, replacing the tags with the same id (name,
 * colour, key, description, attributes); this library's tags the file does
 * not have are kept after them, so no annotation loses its tag; a kept tag
 * whose key the file uses gives its key up. A kept tag with the name of one
 * of the file's tags is a conflict the user settles first (rename or delete
 * it): the import is refused, naming it.
 */
import { checkCodebook } from './checkCodebook';
import { tidyTag } from './editCodebook';
import type { Tag } from '../model/model';

export type CodebookMerge =
  | { ok: true; tags: Tag[]; added: number; updated: number; kept: number }
  | { ok: false; message: string };

export function mergeCodebooks(current: readonly Tag[], incoming: readonly Tag[]): CodebookMerge {
  const incomingIds = new Set(incoming.map((t) => t.id));
  const usedKeys = new Set(incoming.map((t) => t.key).filter((k): k is number => k !== null));
  const kept = current.filter((t) => !incomingIds.has(t.id));
  for (const tag of kept) {
    const clash = incoming.find((t) => t.name.trim().toLowerCase() === tag.name.trim().toLowerCase());
    if (clash) {
      return {
        ok: false,
        message: `The file's tag "${clash.name}" (id "${clash.id}") has the name of your tag "${tag.name}" (id "${tag.id}"); rename or delete yours first.`,
      };
    }
  }
  const tags = [
    ...incoming.map(tidyTag),
    ...kept.map((t) => (t.key !== null && usedKeys.has(t.key) ? { ...t, key: null } : t)),
  ];
  const problem = checkCodebook(tags);
  if (problem) return { ok: false, message: problem };
  const currentIds = new Set(current.map((t) => t.id));
  const updated = incoming.filter((t) => currentIds.has(t.id)).length;
  return { ok: true, tags, added: incoming.length - updated, updated, kept: kept.length };
}
