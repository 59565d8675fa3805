/**
 * Words of a text for passage matching: the words of normalizeForMatch(text)
 * — runs of letters and digits, case folded, an apostrophe of any shape
 * between letters kept as "'" ("russia's", "don't"), everything else a
 * separator — computed in one pass over the original text (this is the hot
 * loop of alignment). Each word becomes an id from a vocabulary shared by all
 * articles and keeps its original offsets.
 *
 * A word of ASCII characters only (nearly all of them in English news) is
 * looked up without making a string of it: by a hash of its folded
 * characters in a table kept beside the vocabulary (asciiWordTable), compared
 * character by character; only a word the table has not seen yet is sliced
 * and put in the vocabulary (a string a word was a third of the run's
 * garbage at 100,000 articles).
 */
import { ASCII_HASH_PRIME, ASCII_HASH_SEED, asciiHashEnd, asciiWordTable, NOT_ASCII, NOT_SEEN } from './asciiWordTable';

export interface MatchTokens {
  /** Vocabulary id of each word, in text order. */
  ids: Int32Array;
  /** Original offset of each word's first character. */
  starts: Int32Array;
  /** Original offset just past each word's last character. */
  ends: Int32Array;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const APOSTROPHE_SHAPES = /[’‘‚‛`´′]/g;

/** 1 for an ASCII letter or digit. */
const ASCII_WORD = new Uint8Array(128);
for (let unit = 0; unit < 128; unit++) {
  if ((unit >= 97 && unit <= 122) || (unit >= 65 && unit <= 90) || (unit >= 48 && unit <= 57)) ASCII_WORD[unit] = 1;
}

/** A code unit beyond ASCII that is part of a word. */
function isWideWordUnit(text: string, i: number, unit: number): boolean {
  if (unit >= 0xd800 && unit <= 0xdfff) return true; // astral characters: count as letters
  return WORD_CHAR.test(text[i]!);
}

/** Apostrophe shapes normalizeForMatch turns into "'". */
function isApostrophe(unit: number): boolean {
  return unit === 0x27 || unit === 0x2019 || unit === 0x2018 || unit === 0x201a || unit === 0x201b || unit === 0x60 || unit === 0xb4 || unit === 0x2032;
}

/** `vocabulary` maps each word to its id and grows as new words appear (id = insertion order). */
export function tokenizeForMatch(text: string, vocabulary: Map<string, number>): MatchTokens {
  return scanWords(text, vocabulary, Infinity);
}

/**
 * Only where the first `words` words of the text start and end (the same words as tokenizeForMatch;
 * `ids` left empty): no vocabulary lookup, the text scanned no further than needed.
 */
export function matchWordOffsets(text: string, words: number): MatchTokens {
  return scanWords(text, null, words);
}

/**
 * One pass over the text: each word's ASCII characters are folded and hashed as they are scanned
 * (asciiWordTable's hash), so a word seen before is found without reading it again.
 */
function scanWords(text: string, vocabulary: Map<string, number> | null, most: number): MatchTokens {
  const capacity = Math.min((text.length >> 1) + 1, most);
  const ids = new Int32Array(vocabulary ? capacity : 0);
  const starts = new Int32Array(capacity);
  const ends = new Int32Array(capacity);
  let count = 0;
  const table = vocabulary && asciiWordTable(vocabulary);
  const length = text.length;
  let i = 0;
  while (i < length && count < most) {
    let unit = text.charCodeAt(i);
    if (unit < 0x80 ? ASCII_WORD[unit] === 0 : !isWideWordUnit(text, i, unit)) {
      i++;
      continue;
    }
    const from = i;
    /** Upper case, non-ASCII or a curly apostrophe inside: the slice needs folding. */
    let fold = false;
    let ascii = true;
    let hash = ASCII_HASH_SEED;
    for (;;) {
      // unit = text.charCodeAt(i) is a word character here.
      for (;;) {
        if (unit < 0x80) {
          if (unit <= 90 && unit >= 65) {
            fold = true;
            unit += 32;
          }
          hash = Math.imul(hash ^ unit, ASCII_HASH_PRIME);
        } else {
          fold = true;
          ascii = false;
        }
        if (++i >= length) break;
        unit = text.charCodeAt(i);
        if (unit < 0x80 ? ASCII_WORD[unit] === 0 : !isWideWordUnit(text, i, unit)) break;
      }
      if (i + 1 < length && isApostrophe(unit)) {
        const next = text.charCodeAt(i + 1);
        if (next < 0x80 ? ASCII_WORD[next] === 1 : isWideWordUnit(text, i + 1, next)) {
          if (unit === 0x27 || unit === 0x60) hash = Math.imul(hash ^ 0x27, ASCII_HASH_PRIME);
          else ascii = false;
          if (unit !== 0x27) fold = true;
          i++;
          unit = next;
          continue;
        }
      }
      break;
    }
    if (vocabulary && table) {
      let id = ascii ? table.find(text, from, i, asciiHashEnd(hash)) : NOT_ASCII;
      if (id < 0) {
        let word = text.slice(from, i);
        if (fold) word = word.toLowerCase().replace(APOSTROPHE_SHAPES, "'");
        let known = vocabulary.get(word);
        if (known === undefined) {
          known = vocabulary.size;
          vocabulary.set(word, known);
        }
        if (id === NOT_SEEN) table.remember(word, known);
        id = known;
      }
      ids[count] = id;
    }
    starts[count] = from;
    ends[count] = i;
    count++;
  }
  return { ids: ids.slice(0, Math.min(count, ids.length)), starts: starts.slice(0, count), ends: ends.slice(0, count) };
}
