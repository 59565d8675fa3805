/**
 * A French elision glued to an opening guillemet: `d’« une erreur »`,
 * `l’« affaire »`, `qu’« il viendra »`. The apostrophe belongs to the word
 * before (de, le, que …) and the guillemet opens a quote, although nothing
 * separates it from that word.
 */
const ELIDED_WORDS = new Set(['d', 'l', 'j', 'n', 's', 'c', 'm', 't', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu']);
const APOSTROPHES = new Set(['’', "'"]);
const LETTER = /\p{L}/u;

/** `at(i)` is the character at i ('' outside the paragraph); true when the mark at `i` is such an elision's apostrophe. */
export function elisionBeforeGuillemet(at: (i: number) => string, i: number): boolean {
  if (!APOSTROPHES.has(at(i)) || at(i + 1) !== '«') return false;
  let word = '';
  for (let k = i - 1; k >= i - 7 && LETTER.test(at(k)); k--) word = at(k) + word;
  return ELIDED_WORDS.has(word.toLowerCase()) && !LETTER.test(at(i - 1 - word.length));
}
