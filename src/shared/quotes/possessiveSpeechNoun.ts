/**
 * A quote introduced by someone's words named as a noun: "her claim that she
 * “…”", "his comment Monday that “…”", "Ortiz's assertion during the debate
 * that “…”", "his call for “…”". The possessor said it: "his"/"her" resolved
 * to the nearest person of that gender, "its" to the nearest organisation, a
 * possessive name to that name. Null when nothing like that comes right
 * before the quote in its sentence, or the possessor cannot be resolved.
 */
import type { Attribution } from './findAttribution';
import type { PersonIndex } from './buildPersonIndex';
import { SPEECH_PARTICIPLES } from './attributionWords';

/** Nouns that name what someone said. */
export const SPEECH_NOUNS =
  'claims?|assertions?|comments?|remarks?|statements?|calls?|promises?|pledges?|vows?|words|warnings?|arguments?|insistence|suggestions?|descriptions?|accusations?|boasts?|predictions?|declarations?|admissions?|contention|complaints?|pleas?|demands?|tweets?|answers?|repl(?:y|ies)|quips?|dictum|mantra|refrain|rallying cry|characterization|characterisation|allegations?|denials?|insult|retort|rejoinder';

/** One adjective before the noun: "his own", "her latest", "his confusing", "its repeated", "her now-famous". */
const ADJECTIVE = '\\p{Ll}[\\p{Ll}-]*(?:ing|ed|ous|ful|ent|ant|al|ive|ic|est|own|ier|ry)';

/** "<possessor> [adjective] <noun> [up to six words] “" at the end of the text before the quote. */
const PATTERN = new RegExp(
  `(?:^|[\\s(—–-])(his|her|its|(\\p{Lu}[\\p{L}.-]*(?:\\s\\p{Lu}[\\p{L}.-]*){0,2})['’]s?)\\s+(?:${ADJECTIVE}\\s+)?(?:${SPEECH_NOUNS})\\b((?:\\s+[\\p{L}\\d,'’-]+){0,6})\\s*$`,
  'u',
);

/** "remarks " / "latest tweet " right before `at`: a speech participle there describes someone's words, not the sentence's subject's. */
export function followsSpeechNoun(text: string, at: number): boolean {
  return NOUN_BEFORE.test(text.slice(Math.max(0, at - 40), at));
}

const NOUN_BEFORE = new RegExp(`\\b(?:his|her|its|\\p{Lu}[\\p{L}.-]*['’]s?)\\s+(?:${ADJECTIVE}\\s+)?(?:${SPEECH_NOUNS})\\s+$`, 'u');

/** How far back from the quote the pattern is looked for. */
const WINDOW = 140;

export function possessiveSpeechNoun(text: string, open: number, people: PersonIndex): Attribution | null {
  const from = Math.max(0, open - WINDOW);
  const before = text.slice(from, open).replace(/\s+$/u, '');
  // The sentence the quote is in.
  const sentenceAt = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('? '), before.lastIndexOf('! '));
  const sentence = before.slice(sentenceAt + 1);
  const match = PATTERN.exec(sentence);
  if (!match) return null;
  // The words between the noun and the quote hold no other speaker ("… that Smith said").
  const tail = match[3] ?? '';
  if (/\b(?:said|says|told|wrote|according)\b/u.test(tail)) return null;
  // The noun introduces the quote ("… that", "… for", "claim that she"), rather than being what the quote describes
  // ("called Trump's remarks about the judge “racist”").
  // ("his remarks calling the government “strong”": a participle after the noun says what the words were.)
  const participle = SPEECH_PARTICIPLES.has(/^\s*(\p{Ll}+)/u.exec(tail)?.[1] ?? '');
  if (!participle && !/(?:^|\s)(?:that|for|of|as|to)(?:\s+(?:he|she|it|they|we|i))?$|,$/iu.test(tail.trim()) && !/^,?$/.test(tail.trim())) return null;
  const who = match[1]!;
  const at = from + sentenceAt + 1 + match.index + match[0].indexOf(who);
  // "called Crane's comments “racist”": the quote is what the comments were called.
  if (tail.trim() === '' && /\b(?:called|calls|calling|labeled|labelled|deemed|branded|dubbed|described)\s+(?:\p{Lu}\p{L}{0,3}\.\s*)?$/iu.test(text.slice(Math.max(0, at - 30), at))) return null;
  const span = { start: at, end: at + who.length };
  let speaker: string | null = null;
  let evidence = null;
  if (who === 'his' || who === 'her') {
    evidence = people.resolveMention(at, { gender: who === 'his' ? 'm' : 'f' });
    speaker = evidence?.name ?? null;
  } else if (who === 'its') {
    evidence = people.resolveMention(at, { kind: 'organisation' });
    speaker = evidence?.name ?? null;
  } else {
    const name = match[2]!.replace(/^(?:The|A|An)\s+/u, '');
    speaker = people.entity(name) ? people.canonical(name) : null;
  }
  if (!speaker) return null;
  return { speaker, cue: '', speakerSpan: span, evidence, cueSpan: { start: span.end, end: span.end } };
}
