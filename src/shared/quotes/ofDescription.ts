/**
 * A description whose head noun is followed by an "of" phrase, read back from
 * its last word: "the former secretary of state", "the speaker of the House",
 * "the chairman of the Joint Chiefs". The head is the person noun before
 * "of"; the rest only says which one. Used where a speech verb's subject is
 * read backward from the verb ("…,” the former secretary of state said).
 */
import { DESCRIPTION_DETERMINERS, PERSON_NOUNS } from './attributionWords';
import type { TextToken } from './textTokens';

/** Most words of the "of" phrase ("of the Joint Chiefs of Staff" has five). */
const OF_WORDS = 5;
/** Most words between the determiner and the head noun ("the former top White House …"). */
const DESCRIPTION_WORDS = 4;

/** The determiner and head noun of a description ending at token `last` with an "of" phrase; null when there is none. */
export function ofDescriptionEndingAt(tokens: readonly TextToken[], last: number): { from: number; head: number } | null {
  if (!tokens[last]?.word) return null;
  for (let of = last - 1; of >= Math.max(1, last - OF_WORDS); of--) {
    const t = tokens[of]!;
    if (!t.word) return null;
    if (t.text !== 'of') continue;
    const head = of - 1;
    if (!tokens[head]?.word || !PERSON_NOUNS.has(tokens[head]!.text)) return null;
    for (let k = head - 1; k >= Math.max(0, head - DESCRIPTION_WORDS - 1) && tokens[k]!.word; k--) {
      if (DESCRIPTION_DETERMINERS.has(tokens[k]!.text.toLowerCase())) return { from: k, head };
    }
    return null;
  }
  return null;
}
