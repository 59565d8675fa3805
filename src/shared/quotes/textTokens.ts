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

/**
 * What each UTF-16 code unit is to the scan, as bits, worked out the first time it is met (the scan is the
 * whole text of every article: a table look-up instead of a regular expression per character).
 */
const IS_WORD = 1;
const IS_SPACE = 2;
const IS_NEWLINE = 4;
/** U+0080–U+00BF: the second byte of a UTF-8 letter read as Latin-1 ("PeÃ±a") is part of the word it follows. */
const MAY_CONTINUE_MOJIBAKE = 8;
/** Joiners inside a word: apostrophes and hyphens. */
const IS_JOINER = 16;
const KNOWN = 128;
const UNIT_KINDS = new Uint8Array(0x10000);
const ASCII_KINDS = new Uint8Array(0x80);
for (let unit = 0; unit < 0x80; unit++) ASCII_KINDS[unit] = kindOfUnit(unit);

function unitKind(unit: number): number {
  const known = UNIT_KINDS[unit]!;
  return known !== 0 ? known : (UNIT_KINDS[unit] = kindOfUnit(unit));
}

function kindOfUnit(unit: number): number {
  let kind = KNOWN;
  if (unit < 0x80) {
    if ((unit >= 97 && unit <= 122) || (unit >= 65 && unit <= 90) || (unit >= 48 && unit <= 57)) kind |= IS_WORD;
  } else if (WORD_CHAR.test(String.fromCharCode(unit))) kind |= IS_WORD;
  // (Of ASCII only the space and the tab are white space between tokens; a vertical tab or form feed is a token.)
  if (unit === 32 || unit === 9 || (unit > 0x7f && SPACE.test(String.fromCharCode(unit)))) kind |= IS_SPACE;
  if (unit === 10 || unit === 13) kind |= IS_NEWLINE;
  if (unit >= 0x80 && unit <= 0xbf) kind |= MAY_CONTINUE_MOJIBAKE;
  if (unit === 0x27 || unit === 0x2019 || unit === 0x2d || unit === 0x2010) kind |= IS_JOINER;
  return kind;
}

function isWordUnit(text: string, i: number): boolean {
  const kind = unitKind(text.charCodeAt(i));
  if ((kind & MAY_CONTINUE_MOJIBAKE) !== 0 && i > 0) {
    const before = text.charCodeAt(i - 1);
    // (Ã may come decomposed: A + U+0303.)
    if (before === 0xc2 || before === 0xc3 || before === 0x302 || before === 0x303) return true;
  }
  return (kind & IS_WORD) !== 0;
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
    const kind = c < 0x80 ? ASCII_KINDS[c]! : unitKind(c);
    if ((kind & IS_NEWLINE) !== 0) {
      newline = true;
      i++;
      continue;
    }
    if ((kind & IS_SPACE) !== 0) {
      i++;
      continue;
    }
    const from = i;
    const word = (kind & MAY_CONTINUE_MOJIBAKE) !== 0 ? isWordUnit(text, i) : (kind & IS_WORD) !== 0;
    i++;
    if (word) {
      for (;;) {
        // (ASCII letters and digits, the most of any text, without a call.)
        while (i < end) {
          const unit = text.charCodeAt(i);
          if (unit < 0x80 ? (ASCII_KINDS[unit]! & IS_WORD) === 0 : !isWordUnit(text, i)) break;
          i++;
        }
        if (i + 1 < end && (unitKind(text.charCodeAt(i)) & IS_JOINER) !== 0 && isWordUnit(text, i + 1)) {
          i++;
          continue;
        }
        break;
      }
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
