/**
 * Finds the quotation marks of one paragraph and decides, from the mark
 * itself and the characters either side of it, whether it can open a quote,
 * close one, or is an apostrophe (then it is left out).
 *
 * Typography handled: “…” „…“ "…" ‘…’ '…' «…» »…« ‹…›, two single marks used
 * as one double mark (‘’…’’, ‘’…’', ''…''), an opening-style mark written
 * where a closing one belongs (`Russia “.`), and apostrophes: Russia’s,
 * 1930’s, don't, rock ’n’ roll, the ’90s, ’tis, French d’« … » (elisionBeforeGuillemet). A plural possessive
 * (students’ union) cannot be told from a closing mark here; the matcher
 * decides it (see `possessive`).
 */
import { elisionBeforeGuillemet } from './elisionBeforeGuillemet';

export type QuoteFamily = 'double' | 'single' | 'guillemet' | 'singleGuillemet';

export interface QuoteMark {
  /** Offset of the mark's first character. */
  pos: number;
  /** 1, or 2 for two single marks used as one double mark. */
  len: number;
  family: QuoteFamily;
  canOpen: boolean;
  canClose: boolean;
  /** A closing single mark right after an "s" and before a lower-case word: maybe a plural possessive. */
  possessive: boolean;
}

const SINGLE_MARKS = new Set(['‘', '’', "'", '‚', '‛']);
/** Marks whose shape says "I open" (the others say "I close" or nothing). */
const OPENING_SHAPES = new Set(['“', '„', '‟', '‘', '‚', '‛', '«', '‹']);
const CLOSING_SHAPES = new Set(['”', '’', '»', '›']);
const FAMILY: Record<string, QuoteFamily> = {
  '“': 'double', '”': 'double', '„': 'double', '‟': 'double', '"': 'double',
  '‘': 'single', '’': 'single', "'": 'single', '‚': 'single', '‛': 'single',
  '«': 'guillemet', '»': 'guillemet', '‹': 'singleGuillemet', '›': 'singleGuillemet',
};
/** Every character that is (or may be) a quotation mark. */
export const QUOTE_MARK_CHARS = new Set(Object.keys(FAMILY));

/** Punctuation that follows a closing mark (a mark followed by these closes). */
const AFTER_CLOSE = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '…']);
/** What may precede an opening mark besides white space. */
const BEFORE_OPEN = new Set(['(', '[', '{', '—', '–', '-', '/', '\u2015']);
/** Words shortened with a leading apostrophe: ’tis, ’em, rock ’n’ roll. */
const ELISIONS = new Set(['n', 'em', 'tis', 'twas', 'til', 'cause', 'cos', 'bout']);

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /[0-9]/;
const SPACE = /\s/;

const isSpace = (c: string): boolean => c === '' || SPACE.test(c);
const isWordChar = (c: string): boolean => c !== '' && LETTER_OR_DIGIT.test(c);

/**
 * Marks of `text[start, end)` (one paragraph) in text order. Characters
 * outside the range count as "nothing" (paragraph edges).
 */
export function findQuoteMarks(text: string, start: number, end: number): QuoteMark[] {
  const at = (i: number): string => (i >= start && i < end ? text[i]! : '');
  const marks: QuoteMark[] = [];
  let i = start;
  while (i < end) {
    i = nextPossibleMark(text, i);
    if (i >= end) break;
    const c = text[i]!;
    if (c === '`' && at(i + 1) === '`') {
      // ``LaTeX-style'' opening.
      marks.push({ pos: i, len: 2, family: 'double', canOpen: true, canClose: false, possessive: false });
      i += 2;
      continue;
    }
    const family = FAMILY[c];
    if (!family) {
      i++;
      continue;
    }
    if (family === 'single' && elisionBeforeGuillemet(at, i)) {
      // d’« … »: the apostrophe is left out, the guillemet opens.
      marks.push({ pos: i + 1, len: 1, family: 'guillemet', canOpen: true, canClose: false, possessive: false });
      i += 2;
      continue;
    }
    if (family === 'single') {
      const elided = elisionLength(at, i);
      if (elided > 0) {
        i += elided;
        continue;
      }
      if (isApostrophe(at(i - 1), at(i + 1))) {
        i++;
        continue;
      }
      if (SINGLE_MARKS.has(at(i + 1))) {
        marks.push(pairMark(at, i));
        i += 2;
        continue;
      }
    }
    marks.push(singleMark(at, i, c, family));
    i++;
  }
  return marks;
}

/** The only characters that can be (part of) a quotation mark: " ' ` « » ‘ ’ ‚ ‛ “ ” „ ‟ ‹ ›. */
const POSSIBLE_MARK = /["'`\u00ab\u00bb\u2018-\u201f\u2039\u203a]/g;

/**
 * The first character at or after `from` that can be a quotation mark (text.length when none), found by a
 * regular expression rather than a loop over every character: the marks of every paragraph of every article
 * are looked for. The last answer is remembered, so that paragraphs without a mark, asked for one after
 * another, do not each search on to the same mark far ahead.
 */
function nextPossibleMark(text: string, from: number): number {
  if (text === lastText && from >= lastFrom && from <= lastFound) return lastFound;
  POSSIBLE_MARK.lastIndex = from;
  const found = POSSIBLE_MARK.test(text) ? POSSIBLE_MARK.lastIndex - 1 : text.length;
  lastText = text;
  lastFrom = from;
  lastFound = found;
  return found;
}

let lastText: string | null = null;
let lastFrom = 0;
let lastFound = 0;

/** Length of an elision starting at `i` (’n’ counts both marks), 0 when there is none. */
function elisionLength(at: (i: number) => string, i: number): number {
  const before = at(i - 1);
  if (!(isSpace(before) || BEFORE_OPEN.has(before))) return 0;
  // ’n’ as in rock ’n’ roll
  if ((at(i + 1) === 'n' || at(i + 1) === 'N') && SINGLE_MARKS.has(at(i + 2)) && !isWordChar(at(i + 3))) return 3;
  // ’90s, ’69
  if (DIGIT.test(at(i + 1)) && DIGIT.test(at(i + 2)) && !DIGIT.test(at(i + 3)) && (at(i + 3) === 's' || !isWordChar(at(i + 3)))) {
    return 1;
  }
  let word = '';
  for (let k = i + 1; k < i + 7; k++) {
    const ch = at(k);
    if (!LETTER.test(ch)) break;
    word += ch.toLowerCase();
  }
  if (word && ELISIONS.has(word) && !isWordChar(at(i + 1 + word.length))) return 1;
  return 0;
}

/** A single mark between two word characters (Russia’s, 1930’s, don't). */
function isApostrophe(before: string, after: string): boolean {
  return isWordChar(before) && after !== '' && LETTER.test(after);
}

interface Flanks {
  /** Looks like an opening mark: something starts right after it, nothing ends right before it. */
  left: boolean;
  /** Looks like a closing mark: something ends right before it, nothing starts right after it. */
  right: boolean;
  /** The next non-space character is closing punctuation, or the paragraph ends. */
  punctuationAfter: boolean;
}

function flanks(at: (i: number) => string, pos: number, len: number): Flanks {
  const before = at(pos - 1);
  const after = at(pos + len);
  const afterIsMark = QUOTE_MARK_CHARS.has(after);
  const beforeIsMark = QUOTE_MARK_CHARS.has(before);
  const left = !isSpace(after) && !AFTER_CLOSE.has(after) && (isSpace(before) || BEFORE_OPEN.has(before) || beforeIsMark);
  const right = !isSpace(before) && (isSpace(after) || AFTER_CLOSE.has(after) || afterIsMark || BEFORE_OPEN.has(after));
  let k = pos + len;
  while (at(k) !== '' && SPACE.test(at(k))) k++;
  const next = at(k);
  return { left, right, punctuationAfter: next === '' || AFTER_CLOSE.has(next) };
}

function singleMark(at: (i: number) => string, pos: number, c: string, family: QuoteFamily): QuoteMark {
  const f = flanks(at, pos, 1);
  let canOpen: boolean;
  let canClose: boolean;
  if (OPENING_SHAPES.has(c)) {
    // An opening shape closes when punctuation or the paragraph end follows
    // (`Russia “.`) or when it clearly ends a word (German „…“).
    canClose = f.punctuationAfter || (f.right && !f.left);
    canOpen = !canClose;
  } else if (CLOSING_SHAPES.has(c)) {
    // A closing shape opens only when it clearly starts a word (Swedish ”…”).
    canOpen = f.left && !f.right;
    canClose = !canOpen;
  } else {
    // Straight marks: the context decides; when it cannot, either.
    canOpen = f.left && !f.right;
    canClose = f.right && !f.left;
    if (!canOpen && !canClose) canOpen = canClose = true;
  }
  const possessive =
    family === 'single' && canClose && (at(pos - 1) === 's' || at(pos - 1) === 'S') && at(pos + 1) === ' ' && LOWER.test(at(pos + 2));
  return { pos, len: 1, family, canOpen, canClose, possessive };
}

/** Two single marks at `pos` used as one double mark (‘’, ’’, '', ’', …). */
function pairMark(at: (i: number) => string, pos: number): QuoteMark {
  const f = flanks(at, pos, 2);
  const first = at(pos);
  const second = at(pos + 1);
  let canOpen = f.left && !f.right && !f.punctuationAfter;
  let canClose = (f.right && !f.left) || f.punctuationAfter;
  if (!canOpen && !canClose) {
    canOpen = OPENING_SHAPES.has(first) || (first === "'" && second === "'");
    canClose = !OPENING_SHAPES.has(first);
  }
  return { pos, len: 2, family: 'double', canOpen, canClose, possessive: false };
}
