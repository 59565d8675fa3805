/**
 * The entities whose name or an alias holds every word typed (case and
 * accents aside): "bond dipl" finds "Boris Bondarev" = "the diplomat".
 */
import type { Entity } from '../../shared/crossArticle/entitySchemas';

const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

export function filterEntities<E extends Pick<Entity, 'name' | 'aliases'>>(entities: readonly E[], query: string): E[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entities];
  return entities.filter((e) => {
    const names = fold([e.name, ...e.aliases].join(' \u0000 '));
    return words.every((w) => names.includes(w));
  });
}
