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

/** The hash of a word's folded ASCII units: h = imul(h ^ unit, PRIME) from SEED over them, then asciiHashEnd. */
export const ASCII_HASH_SEED = 0x811c9dc5;
export const ASCII_HASH_PRIME = 0x01000193;

export function asciiHashEnd(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h;
}

export interface AsciiWordTable {
  /** The id of text[from, to) (ASCII only) folded, whose hash is `hash`, or NOT_SEEN. */
  find(text: string, from: number, to: number, hash: number): number;
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
  /**
   * Four numbers a slot, side by side (one cache line holds all a lookup reads): id + 1 (0: empty),
   * the word's hash, where its characters start in `chars` and how many there are.
   */
  let slots = new Int32Array(4 << bits);
  /** The words' characters, one after another (ASCII, folded). */
  let chars = new Uint8Array(1 << 16);
  let used = 0;
  let size = 0;
  /** The hash find was given last (remember follows the find that said NOT_SEEN). */
  let lastHash = 0;

  const place = (hash: number, from: number, length: number, id: number): void => {
    let slot = hash & mask;
    while (slots[slot << 2] !== 0) slot = (slot + 1) & mask;
    const s = slot << 2;
    slots[s] = id + 1;
    slots[s + 1] = hash;
    slots[s + 2] = from;
    slots[s + 3] = length;
  };

  const grow = (): void => {
    const old = slots;
    bits++;
    mask = (1 << bits) - 1;
    slots = new Int32Array(4 << bits);
    for (let s = 0; s < old.length; s += 4) if (old[s] !== 0) place(old[s + 1]!, old[s + 2]!, old[s + 3]!, old[s]! - 1);
  };

  return {
    find(text, from, to, h) {
      lastHash = h;
      const length = to - from;
      const table = slots;
      for (let slot = h & mask; table[slot << 2] !== 0; slot = (slot + 1) & mask) {
        const s = slot << 2;
        if (table[s + 1] !== h || table[s + 3] !== length) continue;
        const start = table[s + 2]!;
        let k = 0;
        while (k < length && chars[start + k] === fold(text.charCodeAt(from + k))) k++;
        if (k === length) return table[s]! - 1;
      }
      return NOT_SEEN;
    },
    remember(word, id) {
      if (++size * 2 > mask + 1) grow();
      if (used + word.length > chars.length) {
        const more = new Uint8Array(Math.max(chars.length * 2, used + word.length));
        more.set(chars);
        chars = more;
      }
      for (let k = 0; k < word.length; k++) chars[used + k] = word.charCodeAt(k);
      place(lastHash, used, word.length, id);
      used += word.length;
    },
  };
}

/** normalizeForMatch's folding of an ASCII code unit. */
function fold(unit: number): number {
  return unit >= 65 && unit <= 90 ? unit + 32 : unit === 0x60 ? 0x27 : unit;
}
