/**
 * The suggestions still waiting for a decision: neither rejected nor already
 * taken by an annotation of the same tag over (nearly) the same passage.
 */
import type { Suggestion } from './crossArticle';
import type { Annotation } from '../model/model';
import { rangesCoincide } from '../anchoring/rangesCoincide';

export function pendingSuggestions(
  suggestions: readonly Suggestion[],
  annotations: readonly Pick<Annotation, 'tagId' | 'start' | 'end'>[],
  rejected: readonly string[],
): Suggestion[] {
  const rejectedIds = new Set(rejected);
  return suggestions.filter((s) => !rejectedIds.has(s.id) && !isTaken(s, annotations));
}

/** An annotation of the suggestion's tag already marks (nearly) the same passage. */
export function isTaken(
  suggestion: Pick<Suggestion, 'tagId' | 'start' | 'end'>,
  annotations: readonly Pick<Annotation, 'tagId' | 'start' | 'end'>[],
): boolean {
  return annotations.some((a) => a.tagId === suggestion.tagId && rangesCoincide(a, suggestion));
}
