/**
 * A label to prefill for a group made from a passage: its first words (up to
 * `maxWords`, and at most `maxChars` characters), without the quotation marks
 * or punctuation around them, capitalised, with "…" when cut short.
 */
const EDGE = /^[\s"'“”‘’«»„‚‹›()[\]—–\-.,;:!?…]+|[\s"'“”‘’«»„‚‹›()[\]—–\-.,;:!?…]+$/g;

export function passageLabel(exact: string, maxWords = 8, maxChars = 60): string {
  const words = exact.replace(EDGE, '').split(/\s+/).filter(Boolean);
  const kept: string[] = [];
  for (const word of words) {
    if (kept.length >= maxWords || [...kept, word].join(' ').length > maxChars) break;
    kept.push(word);
  }
  let cut = kept.length < words.length;
  if (kept.length === 0 && words[0]) {
    kept.push(words[0].slice(0, maxChars));
    cut = words.length > 1 || words[0].length > maxChars;
  }
  let label = kept.join(' ').replace(EDGE, '');
  if (cut) label += '…';
  return label.charAt(0).toUpperCase() + label.slice(1);
}
