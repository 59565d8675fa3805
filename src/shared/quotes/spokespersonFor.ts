/**
 * "said a spokeswoman for the ministry", "said a spokesman for Amnesty International": a spokesperson speaks for
 * the body named after "for" — as "a spokesman for Amnesty International said" and "the ministry's spokeswoman
 * said" already read. For the words from token `at` (after an inverted verb): where the body's words start, or -1.
 */
import type { TextToken } from './textTokens';

const SPOKES = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'representative', 'mouthpiece']);
const OPENERS = new Set(['a', 'an', 'the', 'one', 'another']);
/** Most words between the determiner and the noun ("a senior ministry spokeswoman"). */
const WORDS = 3;

export function spokespersonForBodyAt(tokens: readonly TextToken[], at: number): number {
  if (!tokens[at]?.word || !OPENERS.has(tokens[at]!.text.toLowerCase())) return -1;
  for (let k = at + 1; k <= at + WORDS + 1 && tokens[k]?.word; k++) {
    if (!SPOKES.has(tokens[k]!.text)) continue;
    return tokens[k + 1]?.text === 'for' && tokens[k + 2]?.word ? k + 2 : -1;
  }
  return -1;
}
