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
import { asciiWordTable, NOT_SEEN } from './asciiWordTable';

export interface MatchTokens {
  /** Vocabulary id of each word, in text order. */
  ids: Int32Array;
  /** Original offset of each word's first character. */
  starts: Int32Array;
  /** Original offset just past each word's last character. */
  ends: Int32Array;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Apostrophe shapes normalizeForMatch turns into "'". */
const APOSTROPHES = new Set([0x27, 0x2019, 0x2018, 0x201a, 0x201b, 0x60, 0xb4, 0x2032]);
const APOSTROPHE_SHAPES = /[’‘‚‛`´′]/g;

function isWordUnit(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  if (unit < 0x80) return (unit >= 97 && unit <= 122) || (unit >= 65 && unit <= 90) || (unit >= 48 && unit <= 57);
  if (unit >= 0xd800 && unit <= 0xdfff) return true; // astral characters: count as letters
  return WORD_CHAR.test(text[i]!);
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
    if (!isWordUnit(text, i)) {
      i++;
      continue;
    }
    const from = i;
    /** Upper case, non-ASCII or a curly apostrophe inside: the slice needs folding. */
    let fold = false;
    for (;;) {
      while (i < length && isWordUnit(text, i)) {
        const unit = text.charCodeAt(i);
        if (unit >= 0x80 || (unit >= 65 && unit <= 90)) fold = true;
        i++;
      }
      const unit = text.charCodeAt(i);
      if (i + 1 < length && APOSTROPHES.has(unit) && isWordUnit(text, i + 1)) {
        if (unit !== 0x27) fold = true;
        i++;
        continue;
      }
      break;
    }
    if (vocabulary && table) {
      let id = table.find(text, from, i);
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
