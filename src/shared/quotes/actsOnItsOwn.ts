/**
 * "Volkswagen cut its forecast", "Airbus raised its target": a name of one
 * word opening its sentence, then a verb and "its". A person's things are
 * "his" or "her"; a word that acts on "its" own things is an organisation
 * (a company is often named by one word, which otherwise reads like a lone
 * surname).
 */
import { SPEECH_VERBS } from './attributionWords';
import type { TextToken } from './textTokens';

/** Adverbs between the name and its verb ("Volkswagen also cut its …"). */
const BETWEEN = new Set(['also', 'again', 'now', 'still', 'then', 'recently', 'already', 'further', 'sharply', 'slightly']);

/** Verbs whose object is what one thinks, not what one owns ("Walsh thinks its plan will fail"). */
const THINKING = new Set(['thinks', 'thought', 'believes', 'believed', 'knows', 'knew', 'hopes', 'hoped', 'fears', 'feared', 'felt', 'feels', 'doubts', 'doubted', 'expects', 'expected', 'wants', 'wanted', 'likes', 'liked', 'loved', 'hated', 'praised', 'criticised', 'criticized', 'blamed', 'questioned', 'defended', 'attacked', 'joined', 'left', 'quit', 'visited', 'called']);

/** `at`: the token of the one-word name, which opens its sentence. */
export function actsOnItsOwn(tokens: readonly TextToken[], at: number): boolean {
  let k = at + 1;
  if (tokens[k]?.word && BETWEEN.has(tokens[k]!.text)) k++;
  const verb = tokens[k];
  // ("Walsh said its forecast was wrong": what is said may be anyone's.)
  return verb?.word === true && /^\p{Ll}{2,}$/u.test(verb.text) && !SPEECH_VERBS.has(verb.text) && !THINKING.has(verb.text) && tokens[k + 1]?.text === 'its';
}
