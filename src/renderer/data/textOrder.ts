/**
 * Annotations in reading order: by start, then the shorter first, then by id
 * so the order is stable. The same order the W3C export uses.
 */
import type { Annotation } from '../../shared/model/model';

export function textOrder<T extends Pick<Annotation, 'id' | 'start' | 'end'>>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
