/**
 * The fingerprints of a text for the incremental alignment index (issue 20):
 * a few shingle hashes chosen so that two texts sharing a passage share a
 * fingerprint, found without comparing the texts.
 *
 * Words are those of tokenizeForMatch, each hashed from its own letters
 * (not a vocabulary id), so a fingerprint means the same words in every run
 * and can be stored. Shingles are runs of `shingle` words (as
 * findSharedPassages); of every `window` consecutive shingles the one with the
 * smallest hash is kept (winnowing: Schleimer, Wilkerson and Aiken, 2003).
 * Any run of at least `window + shingle - 1` words two texts share exactly
 * gives them a common fingerprint; about 2 / (window + 1) of the shingles are
 * kept. Returned sorted, each once.
 */
import { shingleHash } from './findSharedPassages';
import { tokenizeForMatch } from './tokenizeForMatch';
import { wordHash } from './wordHash';

export interface FingerprintOptions {
  /** Words per shingle. Default 5 (as alignPassages). */
  shingle?: number;
  /** Shingles per winnowing window. Default 4: shared runs of 8 words (alignPassages' minWords) always meet. */
  window?: number;
}

export const FINGERPRINT_SHINGLE = 5;
export const FINGERPRINT_WINDOW = 4;

/** Each word's hash, from its letters: the same word has the same number in every text and every run. */
export function wordHashes(text: string): Int32Array {
  const vocabulary = new Map<string, number>();
  const { ids } = tokenizeForMatch(text, vocabulary);
  const hashOf = new Int32Array(vocabulary.size);
  for (const [word, id] of vocabulary) hashOf[id] = wordHash(word);
  return ids.map((id) => hashOf[id]!);
}

export function passageFingerprints(text: string, options: FingerprintOptions = {}): Uint32Array {
  return fingerprintsOfWords(wordHashes(text), options);
}

export function fingerprintsOfWords(words: Int32Array, options: FingerprintOptions = {}): Uint32Array {
  const n = options.shingle ?? FINGERPRINT_SHINGLE;
  const w = options.window ?? FINGERPRINT_WINDOW;
  const count = words.length - n + 1;
  if (count <= 0) return new Uint32Array(0);
  const hashes = new Uint32Array(count);
  for (let p = 0; p < count; p++) hashes[p] = shingleHash(words, p, n);
  const kept: number[] = [];
  let last = -1;
  for (let from = 0; from + Math.min(w, count) <= count; from++) {
    const to = Math.min(from + w, count);
    // The rightmost smallest hash of the window; kept once however many windows pick it.
    let best = from;
    for (let p = from + 1; p < to; p++) if (hashes[p]! <= hashes[best]!) best = p;
    if (best !== last) kept.push(hashes[best]!);
    last = best;
    if (to === count) break;
  }
  const out = Uint32Array.from(kept).sort();
  let unique = 0;
  for (let k = 0; k < out.length; k++) if (k === 0 || out[k] !== out[k - 1]) out[unique++] = out[k]!;
  return out.slice(0, unique);
}
