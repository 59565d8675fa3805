/**
 * The changes a researcher makes to the codebook, each checked against the
 * codebook's rules (checkCodebook): add a tag, save a whole tag (new or
 * changed), rename, recolour, describe, set its key, replace its attributes,
 * reorder, delete. Names, descriptions and options are trimmed; options of
 * attributes that are not choices are dropped. A change that breaks a rule
 * returns the rule's message and no codebook, so nothing changes.
 */
import { checkCodebook } from './checkCodebook';
import type { AttributeDef, Tag } from '../model/model';
import { newTagId } from './newTagId';

export type CodebookEdit =
  | { op: 'add'; name: string; color: string; key?: number | null; description?: string; attributes?: AttributeDef[] }
  | { op: 'save'; tag: Tag }
  | { op: 'rename'; id: string; name: string }
  | { op: 'recolour'; id: string; color: string }
  | { op: 'describe'; id: string; description: string }
  | { op: 'setKey'; id: string; key: number | null }
  | { op: 'setAttributes'; id: string; attributes: AttributeDef[] }
  | { op: 'reorder'; ids: string[] }
  | { op: 'delete'; id: string };

export type CodebookEditResult = { ok: true; tags: Tag[]; tag?: Tag } | { ok: false; message: string };

/** A tag as it is stored: trimmed text, options only on choices. */
export function tidyTag(tag: Tag): Tag {
  return {
    ...tag,
    name: tag.name.trim(),
    description: tag.description.trim(),
    attributes: tag.attributes.map((a) => ({
      ...a,
      name: a.name.trim(),
      options: a.type === 'choice' ? a.options.map((o) => o.trim()) : [],
    })),
  };
}

export function editCodebook(tags: readonly Tag[], edit: CodebookEdit): CodebookEditResult {
  const missing = (id: string): CodebookEditResult => ({ ok: false, message: `There is no tag "${id}" in the codebook.` });
  const change = (id: string, patch: (tag: Tag) => Tag): CodebookEditResult => {
    const at = tags.findIndex((t) => t.id === id);
    if (at < 0) return missing(id);
    const changed = tidyTag(patch(tags[at]!));
    return checked(tags.map((t, i) => (i === at ? changed : t)), changed);
  };

  switch (edit.op) {
    case 'add': {
      const tag = tidyTag({
        id: newTagId(edit.name, tags.map((t) => t.id)),
        name: edit.name,
        color: edit.color,
        key: edit.key ?? null,
        description: edit.description ?? '',
        attributes: edit.attributes ?? [],
      });
      return checked([...tags, tag], tag);
    }
    case 'save': {
      const tag = tidyTag(edit.tag);
      const at = tags.findIndex((t) => t.id === tag.id);
      return checked(at < 0 ? [...tags, tag] : tags.map((t, i) => (i === at ? tag : t)), tag);
    }
    case 'rename':
      return change(edit.id, (t) => ({ ...t, name: edit.name }));
    case 'recolour':
      return change(edit.id, (t) => ({ ...t, color: edit.color }));
    case 'describe':
      return change(edit.id, (t) => ({ ...t, description: edit.description }));
    case 'setKey':
      return change(edit.id, (t) => ({ ...t, key: edit.key }));
    case 'setAttributes':
      return change(edit.id, (t) => ({ ...t, attributes: edit.attributes }));
    case 'reorder': {
      const byId = new Map(tags.map((t) => [t.id, t]));
      const unknown = edit.ids.find((id) => !byId.has(id));
      if (unknown !== undefined) return missing(unknown);
      if (new Set(edit.ids).size !== edit.ids.length || edit.ids.length !== tags.length) {
        return { ok: false, message: 'A new order must name every tag of the codebook once.' };
      }
      return checked(edit.ids.map((id) => byId.get(id)!));
    }
    case 'delete': {
      if (!tags.some((t) => t.id === edit.id)) return missing(edit.id);
      return checked(tags.filter((t) => t.id !== edit.id));
    }
  }
}

function checked(tags: Tag[], tag?: Tag): CodebookEditResult {
  const problem = checkCodebook(tags);
  if (problem) return { ok: false, message: problem };
  return tag ? { ok: true, tags, tag } : { ok: true, tags };
}
