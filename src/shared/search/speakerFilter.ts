/**
 * The annotation table's speaker filter (issue 15): a row's speaker is the
 * people index's entity its Quote speaker / Source name attribute stands for
 * (canonical name and id). The filter text is matched against every name of
 * every entity — canonical name and aliases, case and accents aside — so
 * "Mr Bondarev", "bondarev" or "the diplomat" all find the rows credited to
 * Boris Bondarev, whichever name the coder typed. Without the index (or for
 * a speaker no entity knows) the row's own name is matched.
 */
import { z } from 'zod';

/** Whom a row credits: the entity's id (null: none known) and canonical name. */
export const RowSpeakerSchema = z.object({ id: z.string().nullable(), name: z.string() });
export type RowSpeaker = z.infer<typeof RowSpeakerSchema>;

/** What the filter needs of an entity. */
export interface NamedEntity {
  id: string;
  name: string;
  aliases: readonly string[];
}

/** Lower case, accents off, spaces folded: how names are compared here. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Whether a row's speaker passes the filter `text` (empty text: every row, with a speaker or not). */
export function speakerMatcher(text: string, entities: readonly NamedEntity[] = []): (speaker: RowSpeaker | null | undefined) => boolean {
  const want = foldName(text);
  if (want === '') return () => true;
  const ids = new Set(entities.filter((e) => [e.name, ...e.aliases].some((n) => foldName(n).includes(want))).map((e) => e.id));
  return (speaker) => !!speaker && ((speaker.id !== null && ids.has(speaker.id)) || foldName(speaker.name).includes(want));
}
