/**
 * A headline's "Speaker on Topic: ‘…’" ("Trump on Clinton: ‘She Is a Disaster’", "Merkel On Refugees: ‘We Can Do
 * This’"): the name before the colon is what the speaker talks about, the name before "on"/"about" speaks.
 */
import { isCapitalised, type TextToken } from './textTokens';

const TOPIC_WORDS = new Set(['on', 'On', 'about', 'About']);
/** Most words of the topic between "on" and the colon. */
const TOPIC_WORDS_MAX = 4;

/** Where the speaker's name ends when tokens[…, colon) read "Name on Topic"; -1 otherwise. */
export function speakerBeforeTopic(tokens: readonly TextToken[], colon: number): number {
  for (let j = colon - 1; j >= Math.max(1, colon - TOPIC_WORDS_MAX - 1); j--) {
    const t = tokens[j]!;
    if (!t.word) return -1;
    if (TOPIC_WORDS.has(t.text)) {
      const speaker = tokens[j - 1]!;
      return j < colon - 1 && speaker.word && isCapitalised(speaker.text) ? j - 1 : -1;
    }
    if (!isCapitalised(t.text)) return -1;
  }
  return -1;
}
