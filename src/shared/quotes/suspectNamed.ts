/**
 * "Police arrested John Smith on Friday. The suspect told officers …": a
 * suspect described after the story named the one person arrested,
 * detained or charged. Only when the two sentences before name exactly one
 * person that way (a person the article's index knows), so that "the
 * suspect" is no one rather than the wrong one when two were arrested or the
 * name is elsewhere in the story.
 */
import type { PersonIndex, ResolvedMention } from './buildPersonIndex';

/** Descriptions of the person a story's police arrested or charged. */
export const SUSPECT_NOUNS = new Set(['suspect', 'accused', 'defendant', 'gunman', 'attacker', 'assailant', 'shooter']);

/** How far back the arrest is looked for (two sentences of a news story). */
const REACH = 400;
const ARREST = /\b(?:arrested|detained|charged|apprehended|indicted|booked|identified)\s+(?:(?:the\s+)?(?:suspect|man|woman|\d+-year-old(?:\s+(?:man|woman))?)\s+)?(?:as\s+)?(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,2})/gu;

/** The person arrested or charged in the two sentences before `pos` (where the description is), if there is exactly one. */
export function suspectNamed(text: string, pos: number, people: Pick<PersonIndex, 'entity'>): ResolvedMention | null {
  let from = Math.max(0, pos - REACH);
  // Two sentences back at most.
  const stops = [...text.slice(from, pos).matchAll(/[.!?]["”’]?\s+/gu)];
  if (stops.length > 2) from += stops[stops.length - 3]!.index + stops[stops.length - 3]![0].length;
  const named: ResolvedMention[] = [];
  for (const m of text.slice(from, pos).matchAll(ARREST)) {
    // "arrested John Smith and Mary Jones": two were, so "the suspect" is neither for sure.
    if (/^\s*(?:,\s*\p{Lu}\p{Ll}+\s+\p{Lu}|(?:and|&)\s+(?:\p{Lu}|a\b|an\b|another\b|his\b|her\b))/u.test(text.slice(from + m.index + m[0].length, pos))) return null;
    const entity = people.entity(m[1]!);
    if (!entity || entity.kind !== 'person') return null;
    const start = from + m.index + m[0].length - m[1]!.length;
    named.push({ name: entity.name, start, end: start + m[1]!.length });
  }
  return named.length === 1 ? named[0]! : null;
}
