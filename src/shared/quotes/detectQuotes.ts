/**
 * Finds the direct quotes of an article's canonical text, with who said them.
 *
 * Quotes come from findQuoteSpans (which typography is handled, how stray
 * marks and multi-paragraph quotes are treated), speakers and cues from
 * findAttribution. A quote with no attribution of its own takes the one of
 * the quote before it when it carries on from it: in the same paragraph
 * (`“…,” he said. “…”`), or opening the paragraph right after it (a quote
 * paragraph following an attributed one). Only outermost quotes are reported.
 */
import { buildPersonIndex } from './buildPersonIndex';
import { findAttribution, type Attribution, type TextSpan } from './findAttribution';
import { findQuoteSpans, type QuoteSpan } from './findQuoteSpans';

export interface DetectedQuote {
  /** Offsets of the quoted words in the canonical text, without the quote marks. */
  start: number;
  end: number;
  exact: string;
  /** Who said it, as fully named as the article allows ("Boris Bondarev"); null when unknown. */
  speaker: string | null;
  /** The attribution words: "said", "told Reuters", "continued in the letter"; null when none. */
  cue: string | null;
  /** Where the speaker is named or referred to ("Mr Bondarev", "he"); may lie in an earlier sentence when inherited. */
  speakerSpan?: TextSpan | null;
  /** Where the cue is. */
  cueSpan?: TextSpan | null;
}

export function detectQuotes(text: string): DetectedQuote[] {
  const spans = findQuoteSpans(text);
  if (spans.length === 0) return [];
  const people = buildPersonIndex(text, spans);
  const found: (Attribution | null)[] = [];
  return spans.map((span, i) => {
    let attribution = findAttribution(text, spans, i, people);
    if (!attribution && i > 0 && carriesOn(text, spans[i - 1]!, span)) attribution = found[i - 1] ?? null;
    found.push(attribution);
    return {
      start: span.start,
      end: span.end,
      exact: text.slice(span.start, span.end),
      speaker: attribution?.speaker ?? null,
      cue: attribution?.cue ?? null,
      speakerSpan: attribution?.speakerSpan ?? null,
      cueSpan: attribution?.cueSpan ?? null,
    };
  });
}

/** `quote` is in the same paragraph as `previous`, or opens the paragraph right after it. */
function carriesOn(text: string, previous: QuoteSpan, quote: QuoteSpan): boolean {
  const between = text.slice(previous.close, quote.open);
  const lines = between.split('\n');
  if (lines.length === 1) return true;
  return lines.slice(1).every((line) => line.trim() === '');
}
