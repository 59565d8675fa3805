/**
 * A word's number from its letters alone (FNV-1a over the UTF-16 units,
 * mixed): the same in every text and every run, unlike a vocabulary id, so
 * fingerprints built on it can be stored (passageFingerprints).
 */
export function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h | 0;
}
