/**
 * Sentences whose subject is a person described, not named: "The senator spoke
 * for an hour.", "But the former governor did not answer.", "Speaking to
 * reporters on Sunday, the president framed the attack as …". A careful
 * reader takes the description for the person it refers to, and a "he" or
 * "she" in the next sentences for that person again ("The senator spoke for an
 * hour. He said …"). buildPersonIndex resolves each one to a person and counts
 * it as a mention of them.
 *
 * The description is "the"/"The", at most DESCRIPTION_WORDS words, and a person
 * noun ("senator", "president", "former diplomat") followed by a lower-case
 * verb-like word. It stands first in its sentence, after an opening
 * conjunction ("But the senator …"), or right after the comma that ends an
 * opening phrase ("Speaking on Sunday, the president …", "In Iowa, the
 * senator …"). "The president of the company" (an "of" phrase) names
 * someone else and is left out.
 */
import { PERSON_NOUNS } from './attributionWords';
import { partyOfWords, type Party } from './learnParty';
import type { TextToken } from './textTokens';

export interface DescriptionSubject {
  /** Token range of the description, determiner to head noun. */
  from: number;
  to: number;
  /** The head noun, lower case ("senator"). */
  noun: string;
  /** Capitalised words before the noun ("Vermont" in "the Vermont senator"). */
  qualifiers: string[];
  /** The party the description names ("the Democratic senator"), if any. */
  party: Party | null;
}

/** Most words between "the" and the head noun ("the former top White House aide"). */
const DESCRIPTION_WORDS = 4;
/** Longest opening phrase (in tokens) before the description. */
const OPENING_TOKENS = 20;

const OPENING_CONJUNCTIONS = new Set(['But', 'And', 'So', 'Yet', 'Still', 'Then', 'Now', 'Instead', 'Later', 'Meanwhile']);
/** First words of an opening phrase that ends in a comma ("In Iowa, …", "Speaking on Sunday, …"). */
const PHRASE_OPENERS = new Set(['In', 'On', 'At', 'After', 'Before', 'During', 'Earlier', 'Later', 'Asked', 'Speaking', 'Addressing', 'Meanwhile', 'Last', 'This', 'On']);

/** Person nouns that often stand for someone the article never names ("the man", "a witness"): left out. */
const UNSPECIFIC_NOUNS = new Set(['man', 'woman', 'resident', 'witness', 'soldier', 'officer', 'expert', 'analyst', 'official']);

/** Words after the head noun that show it is not the subject's head ("the senator's", "the president of …"). */
const NOT_A_VERB = new Set(['of', 'and', 'or', 'who', 'whose', 'that', 'which', 'for', 'to', 'in', 'at', 'on', 'with']);

export function descriptionSubjects(tokens: readonly TextToken[], sentenceOf: readonly number[]): DescriptionSubject[] {
  const found: DescriptionSubject[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word || (t.text !== 'the' && t.text !== 'The')) continue;
    if (!opensSubject(tokens, sentenceOf, i)) continue;
    for (let k = i + 1; k <= i + DESCRIPTION_WORDS + 1 && tokens[k]?.word && sentenceOf[k] === sentenceOf[i]; k++) {
      const w = tokens[k]!.text;
      if (!PERSON_NOUNS.has(w) || UNSPECIFIC_NOUNS.has(w)) continue;
      const next = tokens[k + 1];
      if (!next?.word || !/^\p{Ll}/u.test(next.text) || NOT_A_VERB.has(next.text) || PERSON_NOUNS.has(next.text)) break;
      const words = tokens.slice(i + 1, k).map((x) => x.text);
      const qualifiers = words.filter((x) => /^\p{Lu}/u.test(x));
      found.push({ from: i, to: k, noun: w, qualifiers, party: partyOfWords([...qualifiers, w]) });
      break;
    }
  }
  return found;
}

/** Token `i` starts its sentence's subject: first in it, after an opening conjunction, or after an opening phrase's comma. */
function opensSubject(tokens: readonly TextToken[], sentenceOf: readonly number[], i: number): boolean {
  const sentence = sentenceOf[i];
  const first = (k: number) => k === 0 || sentenceOf[k - 1] !== sentence;
  if (first(i)) return true;
  const previous = tokens[i - 1]!;
  if (previous.word && OPENING_CONJUNCTIONS.has(previous.text) && first(i - 1)) return true;
  if (previous.text !== ',') return false;
  let start = i - 1;
  while (!first(start)) start--;
  if (i - start > OPENING_TOKENS) return false;
  const opener = tokens[start]!;
  // (The first comma of the sentence: "In Iowa, the senator …", not "Hall, the banker, and the senator …".)
  for (let k = start; k < i - 1; k++) if (tokens[k]!.text === ',') return false;
  return opener.word && (PHRASE_OPENERS.has(opener.text) || /^\p{Lu}\p{Ll}{3,}ing$/u.test(opener.text));
}
