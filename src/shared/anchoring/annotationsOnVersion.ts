/**
 * The annotations that belong to an older version of an article's text, over
 * that version's text, for the reader's version switcher (read-only):
 * - those kept with it (a newer version no longer held them), where they are;
 * - those made while it was the current text (created before the next
 *   version was imported) that later versions carried along or lost, found
 *   again in it by their quote and context (reanchorAnnotations).
 * Annotations made after the version was replaced, and those lost before it
 * existed, are not shown on it.
 */
import type { Annotation, ArticleVersion, UnanchoredAnnotation } from '../model/model';
import { reanchorAnnotations } from './reanchorAnnotations';

export interface VersionAnnotation extends Annotation {
  /** True for an annotation kept with this version (no newer version holds it). */
  keptHere: boolean;
}

export function annotationsOnVersion(
  version: number,
  text: string,
  versions: readonly Pick<ArticleVersion, 'version' | 'imported'>[],
  current: readonly Annotation[],
  unanchored: readonly UnanchoredAnnotation[],
): VersionAnnotation[] {
  const replaced = versions.find((v) => v.version === version + 1)?.imported ?? null;
  const madeBefore = (a: Annotation) => replaced === null || a.created < replaced;
  const kept = unanchored.filter((a) => a.version === version).map(({ version: _v, ...a }) => ({ ...a, keptHere: true }));
  const carried = [...current, ...unanchored.filter((a) => a.version > version).map(({ version: _v, ...a }) => a)].filter(madeBefore);
  const found = reanchorAnnotations(text, carried).anchored.map((a) => ({ ...a, keptHere: false }));
  return [...kept, ...found].sort((a, b) => a.start - b.start || a.end - b.end);
}
