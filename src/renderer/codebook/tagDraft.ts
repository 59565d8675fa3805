/**
 * A tag while the Codebook screen edits it: the form's values (options of a
 * choice one per line) and the conversions from a stored tag and back to the
 * tag saveTag takes. New attributes get ids made from their names; ids never
 * change afterwards, so renaming an attribute keeps its values.
 */
import type { AttributeType, Tag } from '../../shared/model/model';
import { newTagId } from '../../shared/codebook/newTagId';

export interface AttributeDraft {
  /** Stable React key for the row. */
  key: string;
  /** Empty for an attribute not saved yet. */
  id: string;
  name: string;
  type: AttributeType;
  /** Options of a choice, one per line. */
  options: string;
}

export interface TagDraft {
  /** Null for a tag not saved yet. */
  id: string | null;
  name: string;
  color: string;
  key: number | null;
  description: string;
  attributes: AttributeDraft[];
}

/** Colours offered to new tags, the first one no tag uses yet. */
const PALETTE = ['#e07a5f', '#9b72cf', '#3d9970', '#d4a017', '#c2185b', '#00838f', '#6d4c41', '#5c6bc0', '#7cb342'];

let counter = 0;
export const draftKey = (): string => `a${++counter}`;

export function draftFromTag(tag: Tag): TagDraft {
  return {
    id: tag.id,
    name: tag.name,
    color: tag.color.toLowerCase(),
    key: tag.key,
    description: tag.description,
    attributes: tag.attributes.map((a) => ({ key: draftKey(), id: a.id, name: a.name, type: a.type, options: a.options.join('\n') })),
  };
}

export function newTagDraft(codebook: readonly Tag[]): TagDraft {
  const usedColours = new Set(codebook.map((t) => t.color.toLowerCase()));
  const usedKeys = new Set(codebook.map((t) => t.key));
  const key = [1, 2, 3, 4, 5, 6, 7, 8, 9].find((k) => !usedKeys.has(k)) ?? null;
  return { id: null, name: '', color: PALETTE.find((c) => !usedColours.has(c)) ?? PALETTE[0]!, key, description: '', attributes: [] };
}

export function tagFromDraft(draft: TagDraft): Omit<Tag, 'id'> & { id?: string } {
  const taken = draft.attributes.map((a) => a.id).filter(Boolean);
  const attributes = draft.attributes.map((a) => {
    const id = a.id || newTagId(a.name, taken, 'attribute');
    if (!a.id) taken.push(id);
    const options =
      a.type === 'choice'
        ? a.options
            .split('\n')
            .map((o) => o.trim())
            .filter(Boolean)
        : [];
    return { id, name: a.name.trim(), type: a.type, options };
  });
  const tag = { name: draft.name.trim(), color: draft.color, key: draft.key, description: draft.description.trim(), attributes };
  return draft.id ? { id: draft.id, ...tag } : tag;
}
