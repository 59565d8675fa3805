/**
 * A quote inside the clause of someone's words named as a noun with "of" or "by": "the contention of former
 * secretary of state Ann Lee that her emails were “over-classified”", "the claim by the ministry that the strike was
 * “defensive”". Whoever the "of"/"by" phrase names said it (the possessive form, "her claim that …", is
 * possessiveSpeechNoun's). Null when nothing like that comes before the quote in its sentence, the phrase names no
 * person or organisation the article knows, or the clause before the quote has a speech verb of its own.
 */
import type { Attribution } from './findAttribution';
import type { PersonIndex } from './buildPersonIndex';
import { SPEECH_NOUNS } from './possessiveSpeechNoun';

/** "the [adjective] claim" right before " of " / " by " (read on the words before each "of"/"by"). */
const HEAD = new RegExp(`(?:^|\\s)(?:the|a|an|this|that)\\s+(?:\\p{Ll}[\\p{Ll}-]*\\s+)?(?:${SPEECH_NOUNS})$`, 'iu');
/** How many characters before "of"/"by" the noun phrase is read from. */
const HEAD_CHARS = 60;

/** How far back from the quote the phrase is looked for. */
const WINDOW = 240;
/** Most characters of description between "of" and the name ("former secretary of state "). */
const DESCRIPTION_CHARS = 40;
/** After the name: an optional apposition in commas, then "that" (or "for") opening the clause that holds the quote. */
const CLAUSE_OPENING = /^(?:,[^,“”"«»]{1,60},)?\s+(?:that|for)\s/u;
/** Words in the clause that give the quote to another speaker. */
const OTHER_SPEECH = /\b(?:said|says|told|tells|wrote|writes|according)\b/u;

export function ofSpeechNoun(text: string, open: number, people: PersonIndex): Attribution | null {
  const from = Math.max(0, open - WINDOW);
  const before = text.slice(from, open);
  // The sentence the quote is in.
  const sentenceAt = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('? '), before.lastIndexOf('! '));
  const sentenceStart = from + sentenceAt + 1;
  // The last " of " / " by " in the sentence that follows a speech noun ("the contention of …").
  const sentence = text.slice(sentenceStart, open);
  let phraseEnd = -1;
  for (let at = sentence.length; at > 0 && phraseEnd < 0; ) {
    const of = sentence.lastIndexOf(' of ', at - 1);
    const by = sentence.lastIndexOf(' by ', at - 1);
    at = Math.max(of, by);
    if (at < 0) break;
    if (HEAD.test(sentence.slice(Math.max(0, at - HEAD_CHARS), at))) phraseEnd = sentenceStart + at + 4;
  }
  if (phraseEnd < 0) return null;
  while (phraseEnd < open && text[phraseEnd] === ' ') phraseEnd++;
  const who = people.firstMentionIn(phraseEnd, open);
  if (!who || who.start - phraseEnd > DESCRIPTION_CHARS || /[,;:“”"«»]/u.test(text.slice(phraseEnd, who.start))) return null;
  if (!people.entity(who.name)) return null;
  const rest = text.slice(who.end, open);
  const clause = CLAUSE_OPENING.exec(rest);
  if (!clause) return null;
  const inClause = rest.slice(clause[0].length);
  if (OTHER_SPEECH.test(inClause) || /[“”"«»]/u.test(inClause)) return null;
  const span = { start: who.start, end: who.end };
  return { speaker: who.name, cue: '', speakerSpan: span, evidence: null, cueSpan: { start: span.end, end: span.end } };
}
