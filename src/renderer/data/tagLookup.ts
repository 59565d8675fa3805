/**
 * Finds a tag of the codebook by id. Annotations may carry a tag id the
 * codebook no longer lists; they still get a (neutral grey) tag so they stay
 * visible and editable instead of vanishing.
 */
import type { Tag } from '../../shared/model/model';

export const UNKNOWN_TAG_COLOR = '#8a8f98';

export function tagLookup(codebook: readonly Tag[], tagId: string): Tag {
  return codebook.find((t) => t.id === tagId) ?? { id: tagId, name: tagId, color: UNKNOWN_TAG_COLOR, key: null, description: '', attributes: [] };
}
