/**
 * Dialogue dashes: in French, Russian, Spanish or Italian text a paragraph
 * that opens with a dash ("— Nous partons ce soir, a-t-il dit.") is speech,
 * with no quotation marks. The speech runs to the end of the paragraph, except
 * for the narration that attributes it:
 * - an incise after a comma with an inverted speech verb ("…, dit-il",
 *   "…, a-t-elle ajouté", "…, répond Marie Leclerc") ends the speech there;
 * - a narration between spaced dashes ("— Мы уходим, — сказал он. — Сегодня.",
 *   "— Vámonos —dijo Ana—. Ya es tarde.") is left out, and the speech goes on
 *   after the next dash.
 * English uses paragraph-opening dashes for lists, so the dashes count only in
 * text that does not read as English (see looksEnglish).
 */
import type { QuoteSpan } from './findQuoteSpans';

const DASHES = new Set(['—', '–', '―']);

/** Common English function words: their share of a text's words says whether it is English. */
const ENGLISH_WORDS = /\b(?:the|and|of|to|is|was|that|for|with|on|in|he|she|it|said)\b/gi;
/** Below this share of English function words a text is taken for another language. */
const ENGLISH_SHARE = 0.08;
/** How much of the text is looked at to tell its language. */
const SAMPLE_CHARS = 4000;

export function looksEnglish(text: string): boolean {
  const sample = text.slice(0, SAMPLE_CHARS);
  const words = sample.match(/\p{L}+/gu)?.length ?? 0;
  if (words < 20) return true;
  return (sample.match(ENGLISH_WORDS)?.length ?? 0) / words >= ENGLISH_SHARE;
}

/** French inversion in an incise: "dit-il", "a-t-elle", "répond-elle"; or a speech verb and a capitalised name. */
const FRENCH_INCISE = /,\s+(?:\p{Ll}+-(?:t-)?(?:il|elle|ils|elles|on)\b|(?:dit|déclare|répond|répondit|ajoute|ajouta|explique|expliqua|lance|lança|affirme|affirma|poursuit|poursuivit|souligne|demande|demanda|confie)\s+\p{Lu})/u;

/** The dialogue spans of `text` (empty for English text), in text order, offsets as QuoteSpan. */
export function findDialogueDashes(text: string): QuoteSpan[] {
  const lines: [number, number][] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u00a0')) i++;
    if (i < lineEnd && DASHES.has(text[i]!)) lines.push([i, lineEnd]);
    lineStart = lineEnd + 1;
  }
  if (lines.length === 0 || looksEnglish(text)) return [];
  const spans: QuoteSpan[] = [];
  for (const [dash, lineEnd] of lines) dialogueLine(text, dash, lineEnd, spans);
  return spans;
}

/** The speech parts of the dialogue line whose dash is at `dash`. */
function dialogueLine(text: string, dash: number, lineEnd: number, spans: QuoteSpan[]): void {
  let open = dash;
  let from = dash + 1;
  for (;;) {
    // The next dash that sets off a narration ("— …, — сказал он. — …" or "— … —dijo Ana—. …").
    let next = -1;
    for (let k = from; k < lineEnd; k++) {
      if (DASHES.has(text[k]!) && (/\s/.test(text[k - 1] ?? ' ') || /\s/.test(text[k + 1] ?? ' '))) {
        next = k;
        break;
      }
    }
    const segmentEnd = next < 0 ? lineEnd : next;
    const incise = FRENCH_INCISE.exec(text.slice(from, segmentEnd));
    const speechEnd = incise ? from + incise.index : segmentEnd;
    push(text, open, from, speechEnd, spans);
    if (incise || next < 0) return;
    // Skip the narration to the dash that resumes the speech, if any.
    let resume = -1;
    for (let k = next + 1; k < lineEnd; k++) {
      if (DASHES.has(text[k]!)) {
        resume = k;
        break;
      }
    }
    if (resume < 0) return;
    open = resume;
    from = resume + 1;
    // "—dijo Ana—. Ya es tarde.": the narration's full stop belongs to it.
    while (from < lineEnd && /[\s.,]/.test(text[from]!)) from++;
  }
}

function push(text: string, open: number, from: number, to: number, spans: QuoteSpan[]): void {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
  if (end - start < 2) return;
  spans.push({ start, end, open, close: end });
}
