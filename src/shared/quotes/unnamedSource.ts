/**
 * A source the article does not name: an indefinite description ("a senior official", "one former executive",
 * "another New Hampshire Democrat") or a plural one ("two officials", "the two lawmakers", "White House aides",
 * "critics"). A careful reader credits such words to no one — not to a person named nearby, nor to the speaker of the
 * quote before — so the attribution stands with no speaker.
 */
import { PERSON_NOUNS } from './attributionWords';
import { PARTY_NOUNS } from './learnParty';
import { FOREIGN_INDEFINITES, isForeignRoleWord } from './foreignRoleNouns';
import type { TextToken } from './textTokens';

/** Words that stand for several people together ("the two said", "both said"). */
const GROUP_WORDS = new Set(['two', 'three', 'four', 'both', 'pair', 'trio', 'couple']);

/** Determiners that leave the person unnamed. */
const INDEFINITE = new Set(['a', 'an', 'one', 'another', 'some', 'several', 'two', 'three', 'four', 'many', 'most', 'few', ...FOREIGN_INDEFINITES]);
/** Most words between the determiner and the head noun ("a former senior White House official"). */
const DESCRIPTION_WORDS = 5;
/** Plural heads beyond the person nouns' plurals. */
const PLURAL_EXTRA = new Set(['tories', 'conservatives', 'critics', 'sources', 'supporters', 'voters', 'members', 'people', 'men', 'women', 'staffers', 'insiders', 'organizers', 'organisers', 'opponents', 'allies', 'observers', 'participants', 'respondents', 'spokesmen', 'spokeswomen', 'congressmen', 'congresswomen', 'businessmen', 'democrats', 'republicans']);

/** Singular heads beyond the person nouns that an indefinite determiner leaves unnamed ("a source", "one employee"). */
const SINGULAR_EXTRA = new Set(['source', 'insider', 'staffer', 'employee', 'worker', 'voter', 'supporter', 'member', 'person', 'participant', 'attendee', 'student', 'parent', 'neighbor', 'neighbour', 'donor', 'delegate', 'observer', 'critic']);

/** "officials", "lawmakers", "secretaries": the plural of a person noun, or a plural that names a group of people. */
function isPluralPersonNoun(word: string): boolean {
  const lower = word.toLowerCase();
  if (PLURAL_EXTRA.has(lower)) return true;
  if (lower.endsWith('ies') && PERSON_NOUNS.has(`${lower.slice(0, -3)}y`)) return true;
  return lower.endsWith('s') && PERSON_NOUNS.has(lower.slice(0, -1));
}

/** Members of parties other than the American two ("a senior Tory", "a Labour source" has its own noun). */
const MEMBER_NOUNS = new Set(['Tory', 'Conservative', 'Liberal', 'Socialist', 'Green', 'Gaullist', 'Centrist', 'Nationalist', 'Unionist', 'Republican', 'Democrat']);

/** The head at `head` is a person noun or party noun ("official", "Republican", "Tory"). */
function isSingularHead(word: string): boolean {
  if (MEMBER_NOUNS.has(word)) return true;
  // ("ein Sprecher", "un porte-parole": the role nouns of other languages, German ones capitalised.)
  return PERSON_NOUNS.has(word) || PARTY_NOUNS.has(word) || SINGULAR_EXTRA.has(word) || isForeignRoleWord(word);
}

/**
 * Whether the subject read back from token `head` (the word right before its verb) is an unnamed source:
 * "a New Hampshire Republican [said]", "one former executive [said]", "the two lawmakers [argue]", "officials [said]".
 */
export function unnamedSourceEndingAt(tokens: readonly TextToken[], head: number): boolean {
  const t = tokens[head];
  if (!t?.word) return false;
  // "the two said", "Both said", "the pair added": several people at once, no one of them.
  if (GROUP_WORDS.has(t.text.toLowerCase()) && (t.text === 'Both' || tokens[head - 1]?.text.toLowerCase() === 'the')) return true;
  if (isPluralPersonNoun(t.text)) return true;
  if (!isSingularHead(t.text)) return false;
  for (let k = head - 1; k >= Math.max(0, head - DESCRIPTION_WORDS - 1) && tokens[k]!.word; k--) {
    const w = tokens[k]!.text;
    if (INDEFINITE.has(w.toLowerCase())) return true;
    // ("the senator", "Sen. Ann Lee's spokesman": named or definite, not this rule's.)
    if (/['’]s?$/u.test(w) || ['the', 'this', 'that', 'his', 'her', 'its', 'their'].includes(w.toLowerCase())) return false;
  }
  return false;
}

/**
 * Whether the words from token `at` on, after an inverted verb, are an unnamed source ("said one former executive who …").
 * (Not a sentence's subject before its participle: "A diplomat at the mission has resigned, writing …" is often the
 * person the article names, before or just after.)
 */
export function unnamedSourceStartingAt(tokens: readonly TextToken[], at: number): boolean {
  const t = tokens[at];
  if (!t?.word || !INDEFINITE.has(t.text.toLowerCase())) return false;
  for (let k = at + 1; k <= at + DESCRIPTION_WORDS + 1 && tokens[k]?.word; k++) {
    const w = tokens[k]!.text;
    if (isSingularHead(w) || isPluralPersonNoun(w)) return true;
  }
  return false;
}

/** People a story describes by what they did or what befell them, rarely by a name the article gives them again. */
const ORDINARY_PERSON_NOUNS = new Set([
  'suspect', 'gunman', 'attacker', 'assailant', 'shooter', 'victim', 'driver', 'passenger', 'boy', 'girl', 'teenager',
  'child', 'mother', 'father', 'nurse', 'doctor', 'teacher', 'farmer', 'shopper', 'protester', 'protestor', 'pilot',
  'survivor', 'neighbour', 'neighbor', 'owner', 'customer', 'fan', 'bystander', 'caller', 'defendant', 'accused',
]);

/**
 * "the suspect had shouted “…”", "the driver told police": a person described, not named. Whether the subject read
 * back from `head` is such a description after "the"/"this"/"that" — credited to no one, rather than to the speaker
 * of a verb further back in the sentence ("Police said the suspect had shouted “…”" is not the police's words).
 */
export function ordinaryPersonEndingAt(tokens: readonly TextToken[], head: number): boolean {
  const t = tokens[head];
  if (!t?.word || !ORDINARY_PERSON_NOUNS.has(t.text)) return false;
  for (let k = head - 1; k >= Math.max(0, head - 3) && tokens[k]!.word; k--) {
    if (['the', 'The', 'this', 'This', 'that'].includes(tokens[k]!.text)) return true;
  }
  return false;
}
