/**
 * Whether a name only modifies the role of the person named right after it: "McConnell spokesman Don Stewart",
 * "Clinton campaign chairman John Podesta", "Kremlin spokesman Dmitry Peskov". The name after the role noun is who
 * acts in the sentence; the first is no subject of it (a "he" that follows is Stewart, not McConnell).
 */
import { PERSON_NOUNS } from './attributionWords';
import { isCapitalised, type TextToken } from './textTokens';

/** Lower-case words a role may hold after the name ("campaign chairman", "former chief of staff"). */
const ROLE_WORDS = 3;

/** The name ending at token `to` is followed by up to ROLE_WORDS lower-case words ending in a person noun, then a name. */
export function modifiesRoleHolder(tokens: readonly TextToken[], to: number): boolean {
  for (let k = to + 1; k <= to + ROLE_WORDS; k++) {
    const t = tokens[k];
    if (!t?.word || !/^\p{Ll}/u.test(t.text)) return false;
    if (!PERSON_NOUNS.has(t.text)) continue;
    const next = tokens[k + 1];
    return next?.word === true && isCapitalised(next.text) && !PERSON_NOUNS.has(next.text.toLowerCase());
  }
  return false;
}
