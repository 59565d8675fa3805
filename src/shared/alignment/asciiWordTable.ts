/**
 * A lookup table beside a vocabulary (word → id, see tokenizeForMatch) for
 * words of ASCII characters only, found straight from the text they stand
 * in: `find(text, from, to)` folds text[from, to) as normalizeForMatch does
 * (A–Z to a–z, ` to '), hashes it and compares it character by character
 * with the words of that hash, so no string is made for a word seen before.
 * One table per vocabulary (kept in a WeakMap, let go with it); the
 * vocabulary stays the truth: a word the table lacks is looked up there.
 */

/** find's answer for an ASCII word the table has not seen yet: remember it after the vocabulary lookup. */
export const NOT_SEEN = -1;
/** find's answer for a word with a character beyond ASCII (the table never holds it). */
export const NOT_ASCII = -2;

export interface AsciiWordTable {
  /** The id of text[from, to) folded, NOT_SEEN or NOT_ASCII. */
  find(text: string, from: number, to: number): number;
  /** After find said NOT_SEEN: `word` (that text folded) has vocabulary id `id`. */
  remember(word: string, id: number): void;
}

const tables = new WeakMap<Map<string, number>, AsciiWordTable>();

export function asciiWordTable(vocabulary: Map<string, number>): AsciiWordTable {
  let table = tables.get(vocabulary);
  if (!table) tables.set(vocabulary, (table = createTable()));
  return table;
}

const INITIAL_BITS = 12;

function createTable(): AsciiWordTable {
  let bits = INITIAL_BITS;
  let mask = (1 << bits) - 1;
  /** id + 1 in each slot (0: empty), the word's hash, the word. */
  let ids = new Int32Array(1 << bits);
  let hashes = new Int32Array(1 << bits);
  let words: string[] = new Array<string>(1 << bits).fill('');
  let size = 0;
  /** The hash find computed last (remember follows the find that said NOT_SEEN). */
  let lastHash = 0;

  const place = (hash: number, word: string, id: number): void => {
    let slot = hash & mask;
    while (ids[slot] !== 0) slot = (slot + 1) & mask;
    ids[slot] = id + 1;
    hashes[slot] = hash;
    words[slot] = word;
  };

  const grow = (): void => {
    const oldIds = ids;
    const oldHashes = hashes;
    const oldWords = words;
    bits++;
    mask = (1 << bits) - 1;
    ids = new Int32Array(1 << bits);
    hashes = new Int32Array(1 << bits);
    words = new Array<string>(1 << bits).fill('');
    for (let slot = 0; slot < oldIds.length; slot++) if (oldIds[slot] !== 0) place(oldHashes[slot]!, oldWords[slot]!, oldIds[slot]! - 1);
  };

  return {
    find(text, from, to) {
      let h = 0x811c9dc5;
      for (let k = from; k < to; k++) {
        const unit = text.charCodeAt(k);
        if (unit >= 0x80) return NOT_ASCII;
        h = Math.imul(h ^ fold(unit), 0x01000193);
      }
      h ^= h >>> 15;
      h = Math.imul(h, 0x2c1b3c6d);
      h ^= h >>> 12;
      lastHash = h;
      const length = to - from;
      for (let slot = h & mask; ids[slot] !== 0; slot = (slot + 1) & mask) {
        if (hashes[slot] !== h) continue;
        const word = words[slot]!;
        if (word.length !== length) continue;
        let k = 0;
        while (k < length && word.charCodeAt(k) === fold(text.charCodeAt(from + k))) k++;
        if (k === length) return ids[slot]! - 1;
      }
      return NOT_SEEN;
    },
    remember(word, id) {
      if (++size * 2 > ids.length) grow();
      place(lastHash, word, id);
    },
  };
}

/** normalizeForMatch's folding of an ASCII code unit. */
function fold(unit: number): number {
  return unit >= 65 && unit <= 90 ? unit + 32 : unit === 0x60 ? 0x27 : unit;
}
