/**
 * A participle that opens the words right after a quote goes on with that
 * quote's speaker: in `She stated, “…,” adding, “…”` the sentence's verb and
 * subject came before the first quote, so the second quote is hers too — not
 * whoever a search from the participle back would find.
 */
import { SPEECH_PARTICIPLES } from './attributionWords';

/** Only commas, dashes, semicolons and an "and" between the quote before and the participle. */
const JOINER = /^[\s,;—–-]*(?:and\s+)?$/u;

/**
 * Whether the cue at `cueStart` (with the text `cue`) is a participle that carries on from a quote closing at
 * `previousClose` in the same sentence.
 */
export function participleContinuesQuote(text: string, previousClose: number, cue: string, cueStart: number): boolean {
  if (cueStart < previousClose) return false;
  const verb = cue.split(/\s+/)[0] ?? '';
  if (!SPEECH_PARTICIPLES.has(verb)) return false;
  // The quote before must not have ended its sentence ("“….” Adding …" starts anew; a participle is lower-case anyway).
  return JOINER.test(text.slice(previousClose, cueStart));
}
