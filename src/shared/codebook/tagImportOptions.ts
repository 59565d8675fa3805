/**
 * What the researcher chose for tags an imported file names but the codebook
 * does not have (a W3C collection's tag names, a project's or a .qdpx's
 * tags): one tag each is mapped onto a codebook tag, created, or — neither —
 * its items are left out. The CLI sets these with --map-tag / --create-tags /
 * --untagged-as, the app's import screen with one choice per tag; the W3C
 * import (planW3CImport) and the project import (applyTagOptions) read them
 * the same way through `importedTagChoice`.
 */
import type { Tag } from '../model/model';

export interface TagImportOptions {
  /** Tag names the codebook does not have → the tag id to use instead ("Person" → "source"); names matched ignoring case. */
  tagMap?: Readonly<Record<string, string>>;
  /**
   * Add a tag to the codebook for a name it does not have, instead of leaving
   * its items out: `true` for every such name, or a list of the names to add
   * (ignoring case).
   */
  createTags?: boolean | string[];
  /** The tag id given to items that carry no tag at all (a plain comment). */
  untaggedAs?: string;
}

export type ImportedTagChoice = { kind: 'mapped'; tagId: string } | { kind: 'create' } | { kind: 'leave-out' };

const key = (name: string): string => name.trim().toLowerCase();

/**
 * The choice for one tag name the codebook does not have: mapped (onto a tag
 * the codebook has; a mapping onto a missing id counts as none), created, or
 * left out.
 */
export function importedTagChoice(name: string, codebook: readonly Pick<Tag, 'id'>[], options: TagImportOptions): ImportedTagChoice {
  const wanted = key(name);
  const mapped = Object.entries(options.tagMap ?? {}).find(([from]) => key(from) === wanted)?.[1];
  if (mapped !== undefined && codebook.some((t) => t.id === mapped)) return { kind: 'mapped', tagId: mapped };
  const create = options.createTags;
  if (create === true || (Array.isArray(create) && create.some((n) => key(n) === wanted))) return { kind: 'create' };
  return { kind: 'leave-out' };
}
