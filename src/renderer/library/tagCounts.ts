/**
 * A library row's annotation counts as chips: codebook order first, then any
 * tag ids the codebook does not know (alphabetically); zero counts left out.
 */
import type { Tag } from '../../shared/model/model';
import { tagLookup } from '../data/tagLookup';

export interface TagCount {
  tag: Tag;
  count: number;
}

export function tagCounts(counts: Readonly<Record<string, number>>, codebook: readonly Tag[]): TagCount[] {
  const known = new Set(codebook.map((t) => t.id));
  const unknown = Object.keys(counts)
    .filter((id) => !known.has(id))
    .sort();
  return [...codebook.map((t) => t.id), ...unknown]
    .map((id) => ({ tag: tagLookup(codebook, id), count: counts[id] ?? 0 }))
    .filter((c) => c.count > 0);
}
