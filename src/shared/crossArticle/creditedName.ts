/**
 * Whom an annotation credits, as the researcher typed it: a Quote's
 * `speaker` attribute, or a Source's `name`. Derived outputs (coverage, the
 * annotation table, exports) turn it into the entity's canonical name and id
 * with a SpeakerLookup (buildEntityIndex's canonicalOf); the stored value
 * stays as typed.
 */
export interface CanonicalSpeakerName {
  id: string;
  name: string;
}

/** The entity a name written in an article stands for, or null. */
export type SpeakerLookup = (articleId: string, name: string | null | undefined) => CanonicalSpeakerName | null;

export function creditedName(tagId: string, attributes: Readonly<Record<string, unknown>>): string | null {
  const value = attributes.speaker ?? (tagId === 'source' ? attributes.name : undefined);
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}
