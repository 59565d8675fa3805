/**
 * A speech verb whose phrase ends in a colon introduces the words after the colon: in `After Lee said that pupils
 * do better at “smaller schools,” Hale said: “I disagree.”` Hale's "said:" points forward to his own quote, so the
 * quote before it is not his — its own sentence credits it to Lee. Used to pass over such a verb after a quote
 * that has a speech verb of its own before it.
 */

/** Quotation marks that may open the introduced words. */
const OPENING_MARKS = new Set(['"', '“', '„', '«', '»', '‘', "'"]);

/** Whether the cue ending at `cueEnd` is followed by a colon and then an opening quotation mark on the same line. */
export function cueIntroducesNext(text: string, cueEnd: number): boolean {
  let i = cueEnd;
  while (i < text.length && (text[i] === ' ' || text[i] === '\u00a0')) i++;
  if (text[i] !== ':') return false;
  i++;
  while (i < text.length && (text[i] === ' ' || text[i] === '\u00a0')) i++;
  return OPENING_MARKS.has(text[i] ?? '');
}
