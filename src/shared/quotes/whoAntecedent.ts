/**
 * A relative "who" as a speech verb's subject stands for the name right
 * before its comma: "Trump, who has called the pact “insanity”, and Sanders,
 * who says it is “disastrous”" — Trump calls, Sanders says. Only the ", who"
 * form (a non-restrictive clause) is read: "a voter who said …" names no one.
 */
import type { TextToken } from './textTokens';

/** When token `at` is "who" right after a comma, the index of the token before that comma; else -1. */
export function whoAntecedentEnd(tokens: readonly TextToken[], at: number): number {
  const who = tokens[at];
  if (!who?.word || who.text.toLowerCase() !== 'who') return -1;
  if (tokens[at - 1]?.text !== ',' || at < 2) return -1;
  return at - 2;
}
