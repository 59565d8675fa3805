/**
 * The groups an "Add to group…" picker offers for a query: those whose label
 * holds every word of the query (case and accents aside), the ones whose
 * label starts with the query first, then by label; groups the annotation
 * already belongs to are left out. At most `limit` of them.
 */
import type { Group } from '../../shared/crossArticle/crossArticle';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function groupSearch<G extends Pick<Group, 'id' | 'label'>>(groups: readonly G[], query: string, excludedIds: ReadonlySet<string>, limit = 50): G[] {
  const q = fold(query.trim());
  const words = q.split(/\s+/).filter(Boolean);
  return groups
    .filter((g) => !excludedIds.has(g.id) && words.every((w) => fold(g.label).includes(w)))
    .sort((a, b) => {
      const [sa, sb] = [fold(a.label).startsWith(q), fold(b.label).startsWith(q)];
      if (sa !== sb) return sa ? -1 : 1;
      return collator.compare(a.label, b.label);
    })
    .slice(0, limit);
}
