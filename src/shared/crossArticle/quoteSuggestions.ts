/**
 * Suggestions drawn from quote detection: each detected quote becomes a
 * Quote suggestion, and its attribution a Source suggestion crediting it.
 *
 * The Source suggestion covers the speaker and the cue together ("Mr Bondarev
 * told Reuters") when they lie in one sentence within ATTRIBUTION_REACH
 * characters of each other, and the cue alone otherwise (a speaker named two
 * sentences back is not part of this attribution). One attribution may
 * serve several quotes (`“…,” he said. “…”`): it is suggested once and
 * credits the first; `creditedQuotes` lists all of them.
 */
import type { Suggestion } from './crossArticle';
import { trimRange } from '../anchoring/quoteSelector';
import type { DetectedQuote } from '../quotes/detectQuotes';

/** Most characters between the speaker and the cue for one Source suggestion to cover both. */
export const ATTRIBUTION_REACH = 80;

export interface QuoteSuggestions {
  /** In text order; a quote before the source that starts at the same place. */
  suggestions: Suggestion[];
  /** For each Source suggestion id, every Quote suggestion id its attribution serves (the first is `credits`). */
  creditedQuotes: ReadonlyMap<string, readonly string[]>;
}

interface Span {
  start: number;
  end: number;
}

export function quoteSuggestions(articleId: string, text: string, quotes: readonly DetectedQuote[]): QuoteSuggestions {
  const suggestions: Suggestion[] = [];
  const sources = new Map<string, Suggestion>();
  const creditedQuotes = new Map<string, string[]>();
  for (const quote of quotes) {
    const range = trimRange(text, quote.start, quote.end);
    if (!range) continue;
    const quoteId = `quote:${range.start}:${range.end}`;
    suggestions.push({
      id: quoteId,
      articleId,
      tagId: 'quote',
      ...range,
      exact: text.slice(range.start, range.end),
      speaker: quote.speaker,
      cue: quote.cue,
      credits: null,
    });
    const span = attributionSpan(text, quote, range);
    const sourceRange = span && trimRange(text, span.start, span.end);
    if (!sourceRange) continue;
    const sourceId = `source:${sourceRange.start}:${sourceRange.end}`;
    const credited = creditedQuotes.get(sourceId);
    if (credited) {
      if (!credited.includes(quoteId)) credited.push(quoteId);
      continue;
    }
    creditedQuotes.set(sourceId, [quoteId]);
    sources.set(sourceId, {
      id: sourceId,
      articleId,
      tagId: 'source',
      ...sourceRange,
      exact: text.slice(sourceRange.start, sourceRange.end),
      speaker: quote.speaker,
      cue: quote.cue,
      credits: quoteId,
    });
  }
  suggestions.push(...sources.values());
  suggestions.sort((a, b) => a.start - b.start || a.end - b.end || tagOrder(a) - tagOrder(b));
  return { suggestions, creditedQuotes };
}

const tagOrder = (s: Suggestion): number => (s.tagId === 'quote' ? 0 : 1);

/** The attribution's span: speaker and cue together when close and in one sentence, else the cue (or the speaker when there is no cue). */
function attributionSpan(text: string, quote: DetectedQuote, quoteRange: Span): Span | null {
  const cue = quote.cueSpan ?? null;
  const speaker = quote.speakerSpan ?? null;
  if (!cue || !speaker) return cue ?? speaker;
  const [first, second] = speaker.start <= cue.start ? [speaker, cue] : [cue, speaker];
  const both = { start: first.start, end: Math.max(first.end, second.end) };
  const between = text.slice(first.end, Math.max(first.end, second.start));
  const close = second.start - first.end <= ATTRIBUTION_REACH && !SENTENCE_BREAK.test(between);
  const coversQuote = both.start < quoteRange.end && quoteRange.start < both.end;
  return close && !coversQuote ? both : cue;
}

/** A line break, or a sentence's closing mark followed by a space. */
const SENTENCE_BREAK = /\n|[.!?…]["'”’)\]]*\s/;
