/**
 * A person described by their age: "the 54-year-old said", "the
 * 70-year-old senator". The article gives ages in apposition ("Ann Lamb,
 * 54, …" / "Ann Lamb, a 54-year-old nurse,"); the description refers to
 * the person of that age named before, else (no age given) to whoever a
 * "he"/"she" there would.
 */
import type { TextToken } from './textTokens';

const AGE_WORD = /^(\d{1,3})-year-old$/u;

/** The age an "N-year-old" word gives; null for any other word. */
export function ageOfWord(word: string): number | null {
  const m = AGE_WORD.exec(word);
  return m ? Number(m[1]) : null;
}

/** The age given to the name ending at token `to`: "Ann Lamb, 54," or "Ann Lamb, a 54-year-old nurse,"; null when none. */
export function ageOfMention(tokens: readonly TextToken[], to: number): number | null {
  if (tokens[to + 1]?.text !== ',') return null;
  const next = tokens[to + 2];
  if (next && /^\d{1,3}$/.test(next.text) && (tokens[to + 3]?.text === ',' || tokens[to + 3]?.text === '.')) return Number(next.text);
  if (next && /^(?:a|an|the)$/i.test(next.text)) return ageOfWord(tokens[to + 3]?.text ?? '');
  return null;
}
