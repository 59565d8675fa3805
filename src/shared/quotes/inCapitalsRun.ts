/**
 * Words written in capitals next to other words in capitals — a shouted heading such as "HOW CHINA'S DECLINE
 * AFFECTS THE WORLD" or "ROLL TIDE Alabama beat …" — give no sign of being a name: capitals are how the whole line
 * is written. A speaker read from such words is no one (an acronym among ordinary words, "CNN said", still is, and so
 * is a name set off by a colon: "UN: PEACEKEEPERS …").
 */

/** A word of two or more letters, all capitals (an apostrophe and "S" allowed: "CHINA'S"). */
const SHOUTED = /^\p{Lu}{2,}(?:['’]S)?$/u;

/** The word of text around [start, end) on one side: the nearest run of non-space characters, without punctuation. */
function neighbour(text: string, start: number, end: number, side: 'before' | 'after'): string {
  const piece = side === 'before' ? text.slice(Math.max(0, start - 40), start) : text.slice(end, end + 40);
  const words = piece.split(/[\s,;:—–-]+/u).filter((w) => w !== '');
  const word = (side === 'before' ? words[words.length - 1] : words[0]) ?? '';
  return word.replace(/^[^\p{L}]+|[^\p{L}'’]+$/gu, '');
}

/** Whether text[start, end) holds a word in capitals with another word in capitals right before or after it. */
export function inCapitalsRun(text: string, start: number, end: number): boolean {
  // ("UN: PEACEKEEPERS PAID …": a name set off by its colon heads the line; it is named, not shouted.)
  if (text[end] === ':') return false;
  // (Most names hold no two capitals in a row: nothing to read.)
  if (!/\p{Lu}\p{Lu}/u.test(text.slice(start, end))) return false;
  const words = text.slice(start, end).split(/\s+/u).map((w) => w.replace(/^[^\p{L}]+|[^\p{L}'’]+$/gu, ''));
  if (!words.some((w) => SHOUTED.test(w))) return false;
  if (words.filter((w) => SHOUTED.test(w)).length >= 2) return true;
  return SHOUTED.test(neighbour(text, start, end, 'before')) || SHOUTED.test(neighbour(text, start, end, 'after'));
}
