/**
 * Splits text into words (letters and digits, with inner apostrophes and
 * hyphens: "Russia’s", "20-year") and single punctuation characters, with
 * their offsets. White space is left out; `newlineBefore` says a line break
 * came since the previous token.
 */

export interface TextToken {
  text: string;
  start: number;
  end: number;
  word: boolean;
  newlineBefore: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const SPACE = /\s/;
/** Joiners inside a word: apostrophes and hyphens. */
const JOINERS = new Set([0x27, 0x2019, 0x2d, 0x2010]);

function isWordUnit(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  if (unit < 0x80) return (unit >= 97 && unit <= 122) || (unit >= 65 && unit <= 90) || (unit >= 48 && unit <= 57);
  // Mojibake of a UTF-8 letter read as Latin-1 ("PeÃ±a", "JuliÃ¡n"): the second byte is part of the word.
  if (unit <= 0xbf && i > 0) {
    const before = text.charCodeAt(i - 1);
    // (Ã may come decomposed: A + U+0303.)
    if (before === 0xc2 || before === 0xc3 || before === 0x302 || before === 0x303) return true;
  }
  return WORD_CHAR.test(text[i]!);
}

/**
 * The tokens of the text last asked for, whole: an article's attribution asks for the tokens of many stretches
 * of one text (each quote's sentence before and after it, …), which are taken from these when they fall on
 * token boundaries (the same tokens a scan of the stretch alone gives), instead of scanning it again.
 */
let lastText: string | null = null;
let lastTokens: TextToken[] = [];

export function textTokens(text: string, start = 0, end = text.length): TextToken[] {
  if (start <= 0 && end >= text.length) {
    if (lastText !== text) {
      lastTokens = scanTokens(text, 0, text.length);
      lastText = text;
    }
    return lastTokens.slice();
  }
  return lastText === text ? (stretchOf(lastTokens, text, start, end) ?? scanTokens(text, start, end)) : scanTokens(text, start, end);
}

/**
 * The tokens of text[start, end) from the whole text's, or null when a token of the whole text runs across
 * `start` or `end` (a stretch that starts or ends inside a word: its own scan cuts that word).
 */
function stretchOf(tokens: readonly TextToken[], text: string, start: number, end: number): TextToken[] | null {
  if (end <= start) return [];
  // The first token that ends after `start`.
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  if (lo < tokens.length && tokens[lo]!.start < start) return null;
  let last = lo;
  while (last < tokens.length && tokens[last]!.end <= end) last++;
  if (last < tokens.length && tokens[last]!.start < end) return null;
  const stretch = tokens.slice(lo, last);
  const first = stretch[0];
  if (first) {
    // A line break counts only inside the stretch, as its own scan sees it.
    let newline = false;
    for (let i = start; i < first.start && !newline; i++) newline = text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13;
    if (newline !== first.newlineBefore) stretch[0] = { ...first, newlineBefore: newline };
  }
  return stretch;
}

function scanTokens(text: string, start: number, end: number): TextToken[] {
  const tokens: TextToken[] = [];
  let i = start;
  let newline = false;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      newline = true;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || (c > 0x7f && SPACE.test(text[i]!))) {
      i++;
      continue;
    }
    const from = i;
    const word = isWordUnit(text, i);
    if (word) {
      for (;;) {
        while (i < end && isWordUnit(text, i)) i++;
        if (i + 1 < end && JOINERS.has(text.charCodeAt(i)) && isWordUnit(text, i + 1)) {
          i++;
          continue;
        }
        break;
      }
    } else {
      i++;
    }
    tokens.push({ text: text.slice(from, i), start: from, end: i, word, newlineBefore: newline });
    newline = false;
  }
  return tokens;
}

/** "Putin’s" → "Putin"; other words unchanged. */
export function withoutPossessive(word: string): string {
  return /[’']s$/.test(word) ? word.slice(0, -2) : word;
}

export function isPossessive(word: string): boolean {
  return /[’']s$/.test(word);
}

/** Starts with an upper-case letter and has a lower-case one: "Bondarev", "MoD"; not "UN", "AP". */
export function isCapitalised(word: string): boolean {
  const first = word.charCodeAt(0);
  if (first < 0x80 ? !(first >= 65 && first <= 90) : !/^\p{Lu}/u.test(word)) return false;
  for (let i = 1; i < word.length; i++) {
    const unit = word.charCodeAt(i);
    if (unit >= 97 && unit <= 122) return true;
    if (unit >= 0x80) return /\p{Ll}/u.test(word.slice(i));
  }
  return false;
}
