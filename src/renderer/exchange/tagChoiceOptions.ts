/**
 * The import screen's choice for each tag the file names but the codebook
 * lacks — map onto a codebook tag, create it, or leave its items out — as
 * the import options the core reads (tagImportOptions.ts), the same ones the
 * CLI's --map-tag / --create-tags set.
 */
import type { TagImportOptions } from '../../shared/codebook/tagImportOptions';

export type TagChoice = { kind: 'create' } | { kind: 'leave-out' } | { kind: 'map'; tagId: string };

export function tagChoiceOptions(choices: ReadonlyMap<string, TagChoice>): TagImportOptions {
  const tagMap: Record<string, string> = {};
  const createTags: string[] = [];
  for (const [name, choice] of choices) {
    if (choice.kind === 'map') tagMap[name] = choice.tagId;
    else if (choice.kind === 'create') createTags.push(name);
  }
  return { tagMap, createTags };
}

/** A choice as the value of its <select> option, and back. */
export function choiceValue(choice: TagChoice): string {
  return choice.kind === 'map' ? `map:${choice.tagId}` : choice.kind;
}

export function choiceFromValue(value: string): TagChoice {
  if (value.startsWith('map:')) return { kind: 'map', tagId: value.slice(4) };
  return value === 'create' ? { kind: 'create' } : { kind: 'leave-out' };
}
