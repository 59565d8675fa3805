/**
 * An outlet's name in German quotation marks, told right after its speaker:
 * `sagte Hans Weber der „Süddeutschen Zeitung“`, `sagte er dem „Spiegel“`,
 * `gegenüber der „Zeit“`. The marks are the newspaper's title, not speech
 * (the channel is read by channelPhrase).
 */
const BEFORE = /(?:\p{Lu}[\p{L}-]+|\ber|\bsie|\bgegenüber)\s+(?:der|dem)\s*$/u;
/** Most words of an outlet's name ("Frankfurter Allgemeinen Zeitung am Sonntag"). */
const OUTLET_WORDS = 5;

/** `before`: the text right before the opening mark; `words`: the quoted words. */
export function outletInMarks(before: string, words: readonly string[]): boolean {
  if (words.length === 0 || words.length > OUTLET_WORDS || !BEFORE.test(before)) return false;
  return words.every((w) => /^\p{Lu}/u.test(w) || w === 'am' || w === 'im') && !/[.!?,;:]$/u.test(words[words.length - 1]!);
}
