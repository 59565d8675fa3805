/**
 * Which annotations of one article the coders disagree on, as the reader's
 * "only disagreements" layer shows them: an annotation is agreed when every
 * other coder of the article made one with the same tag, the same span and
 * the same attribute values; otherwise it is a disagreement (a different
 * span, tag or attribute, or only one coder marked it). With one coder
 * there is nothing to disagree on.
 */
import type { Annotation } from '../model/model';

type Coded = Pick<Annotation, 'id' | 'tagId' | 'start' | 'end' | 'creator' | 'attributes'>;

/** The same coding: tag, span and attribute values (in any key order). */
export function codingKey(a: Omit<Coded, 'id' | 'creator'>): string {
  const attributes = Object.entries(a.attributes ?? {})
    .filter(([, v]) => v !== '')
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  return JSON.stringify([a.tagId, a.start, a.end, attributes]);
}

/** Ids of the annotations not every other coder of the article matched. */
export function disagreeingAnnotations(annotations: readonly Coded[]): Set<string> {
  const coders = new Set(annotations.map((a) => a.creator));
  const out = new Set<string>();
  if (coders.size < 2) return out;
  const codersByKey = new Map<string, Set<string>>();
  for (const a of annotations) {
    const key = codingKey(a);
    let set = codersByKey.get(key);
    if (!set) codersByKey.set(key, (set = new Set()));
    set.add(a.creator);
  }
  for (const a of annotations) if (codersByKey.get(codingKey(a))!.size < coders.size) out.add(a.id);
  return out;
}
