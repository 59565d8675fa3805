/**
 * The annotations a caret at `offset` is in or touching, outermost first
 * (earlier start, then longer). More than one means the user must choose.
 */
import type { Annotation } from '../../shared/model/model';

export function annotationsAtOffset<T extends Pick<Annotation, 'id' | 'start' | 'end'>>(
  annotations: readonly T[],
  offset: number,
): T[] {
  return annotations
    .filter((a) => a.start <= offset && offset <= a.end)
    .sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
