/**
 * "in the words of Commissioner Anna Lind, “…”", "in Smithson’s words, “…”", "in her words": the one whose words
 * they are speaks. For the token "words" at `i`: the token where that one is named (a name read forward after "of",
 * a possessive, or "his"/"her"), or -1 when the words around it are no such phrase.
 */
import { isPossessive, type TextToken } from './textTokens';

export function inWordsOfSpeakerAt(tokens: readonly TextToken[], i: number): number {
  if (tokens[i]?.text !== 'words') return -1;
  // "in the words of X"
  if (tokens[i - 1]?.text === 'the' && tokens[i - 2]?.text.toLowerCase() === 'in' && tokens[i + 1]?.text === 'of' && tokens[i + 2]?.word) return i + 2;
  // "in X’s words", "in his own words"
  let k = i - 1;
  if (tokens[k]?.text === 'own') k--;
  const owner = tokens[k];
  if (!owner?.word || tokens[k - 1]?.text.toLowerCase() !== 'in') return -1;
  return isPossessive(owner.text) || owner.text === 'his' || owner.text === 'her' ? k : -1;
}
