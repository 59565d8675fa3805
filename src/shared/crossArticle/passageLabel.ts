/**
 * A label to prefill for a group made from a passage: the quote's first
 * words (up to `maxWords`, and at most `maxChars` characters) — without the
 * attribution before or after it ("Bondarev said: “"), the quotation marks
 * or punctuation around them — capitalised. No "…" when cut short: the
 * label is something to edit and to read in lists, and an ellipsis written
 * into it ends up in exports as if it were part of the quote.
 */
import { quoteOnlyRange } from './quoteOnlyRange';

const EDGE = /^[\s"'“”‘’«»„‚‹›()[\]—–\-.,;:!?…]+|[\s"'“”‘’«»„‚‹›()[\]—–\-.,;:!?…]+$/g;

export function passageLabel(exact: string, maxWords = 8, maxChars = 60): string {
  const quoted = quoteOnlyRange(exact, { start: 0, end: exact.length });
  const words = exact.slice(quoted.start, quoted.end).replace(EDGE, '').split(/\s+/).filter(Boolean);
  const kept: string[] = [];
  for (const word of words) {
    if (kept.length >= maxWords || [...kept, word].join(' ').length > maxChars) break;
    kept.push(word);
  }
  if (kept.length === 0 && words[0]) kept.push(words[0].slice(0, maxChars));
  const label = kept.join(' ').replace(EDGE, '');
  return label.charAt(0).toUpperCase() + label.slice(1);
}
