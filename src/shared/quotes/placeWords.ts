/**
 * Single capitalised words an article uses as places or workplaces: "in
 * Ohio", "works at Google". Such a word is no person when it later opens a
 * sentence as a subject ("Ohio voted …", "Google declined to comment"), so
 * a "he" or "she" after it still refers to the person named before.
 */
import { isCapitalised, type TextToken } from './textTokens';

/** Prepositions after which a lone capitalised word is a place or an employer. */
const PLACE_PREPOSITIONS = new Set(['in', 'at']);

/** The words the text writes alone right after "in" or "at" (not possessive, no name word after them). */
export function placeWords(tokens: readonly TextToken[]): Set<string> {
  const found = new Set<string>();
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word || !isCapitalised(t.text) || /['’]s?$/u.test(t.text)) continue;
    const before = tokens[i - 1]!;
    if (!before.word || !PLACE_PREPOSITIONS.has(before.text)) continue;
    const next = tokens[i + 1];
    if (next?.word && isCapitalised(next.text)) continue;
    found.add(t.text);
  }
  return found;
}
