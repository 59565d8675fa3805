/**
 * Suggestions drawn from quote detection: each detected quote becomes a
 * Quote suggestion, and its attribution a Source suggestion crediting it.
 *
 * A Source names who is credited — never just the verb or a bare pronoun:
 * the speaker and the cue together ("Mr Bondarev told Reuters") when they
 * lie in one sentence within ATTRIBUTION_REACH characters of each other;
 * else the speaker's mention when it names them ("Ms Lee", "the former
 * diplomat"); for a pronoun ("he said") the named mention it was resolved
 * from ("Boris Bondarev" in the lede), which then credits every quote
 * resolved to it. A quote credited to nobody gets no Source.
 * Both carry what was detected as the tag's attribute values (quote:
 * speaker, form; source: name, how reached) and, for a resolved pronoun or
 * description, why ("‘he’ → Boris Bondarev, named two sentences earlier").
 * One attribution may serve several quotes (`“…,” he said. “…”`): it is
 * suggested once and credits the first; `creditedQuotes` lists all of them.
 * Titles of works and markup in quotation marks are not suggested; scare
 * quotes are, marked `speech: false`.
 */
import type { Suggestion } from './crossArticle';
import { trimRange } from '../anchoring/quoteSelector';
import type { AttributeValue } from '../model/model';
import { cueChannel } from '../quotes/cueChannel';
import type { DetectedQuote, QuoteAttributionDetail } from '../quotes/detectQuotes';

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

export function quoteSuggestions(
  articleId: string,
  text: string,
  quotes: readonly DetectedQuote[],
  details: readonly (QuoteAttributionDetail | undefined)[] = [],
): QuoteSuggestions {
  const suggestions: Suggestion[] = [];
  const sources = new Map<string, Suggestion>();
  const creditedQuotes = new Map<string, string[]>();
  for (const [i, quote] of quotes.entries()) {
    const detail = details[i];
    if (detail && (detail.use === 'title' || detail.use === 'markup')) continue;
    const range = trimRange(text, quote.start, quote.end);
    if (!range) continue;
    const quoteId = `quote:${range.start}:${range.end}`;
    const why = whyThisSpeaker(text, quote, detail);
    const quoteAttributes: Record<string, AttributeValue> = { form: 'direct' };
    if (quote.speaker) quoteAttributes.speaker = quote.speaker;
    suggestions.push({
      id: quoteId,
      articleId,
      tagId: 'quote',
      ...range,
      exact: text.slice(range.start, range.end),
      speaker: quote.speaker,
      cue: quote.cue,
      credits: null,
      attributes: quoteAttributes,
      why,
      speech: detail === undefined || detail.use === 'speech',
    });
    const span = attributionSpan(text, quote, range, detail);
    const sourceRange = span && trimRange(text, span.start, span.end);
    if (!sourceRange) continue;
    let sourceId = `source:${sourceRange.start}:${sourceRange.end}`;
    // One mention of a speaker is one Source, whatever the quotes it credits: an overlapping Source
    // for the same speaker ("Boris Bondarev" and "Boris Bondarev said") becomes the span of both.
    const overlapping = [...sources.values()].find(
      (o) => o.speaker === quote.speaker && o.start < sourceRange.end && sourceRange.start < o.end,
    );
    if (overlapping && overlapping.id !== sourceId) {
      const start = Math.min(overlapping.start, sourceRange.start);
      const end = Math.max(overlapping.end, sourceRange.end);
      const mergedId = `source:${start}:${end}`;
      const earlier = creditedQuotes.get(overlapping.id) ?? [];
      creditedQuotes.delete(overlapping.id);
      sources.delete(overlapping.id);
      creditedQuotes.set(mergedId, earlier);
      sources.set(mergedId, { ...overlapping, id: mergedId, start, end, exact: text.slice(start, end) });
      sourceId = mergedId;
    }
    const credited = creditedQuotes.get(sourceId);
    if (credited) {
      if (!credited.includes(quoteId)) credited.push(quoteId);
      continue;
    }
    creditedQuotes.set(sourceId, [quoteId]);
    const sourceAttributes: Record<string, AttributeValue> = { name: quote.speaker! };
    const reached = reachedBy(quote, text);
    if (reached) sourceAttributes.reached = reached;
    sources.set(sourceId, {
      id: sourceId,
      articleId,
      tagId: 'source',
      ...sourceRange,
      exact: text.slice(sourceRange.start, sourceRange.end),
      speaker: quote.speaker,
      cue: quote.cue,
      credits: quoteId,
      attributes: sourceAttributes,
      why,
    });
  }
  for (const s of sources.values()) suggestions.push(s);
  suggestions.sort((a, b) => a.start - b.start || a.end - b.end || tagOrder(a) - tagOrder(b));
  return { suggestions, creditedQuotes };
}

const tagOrder = (s: Suggestion): number => (s.tagId === 'quote' ? 0 : 1);

/**
 * The attribution's span: speaker and cue together when close and in one sentence; else the speaker's
 * mention when it names them; else the named mention a pronoun was resolved from; null when nobody is credited.
 */
function attributionSpan(text: string, quote: DetectedQuote, quoteRange: Span, detail: QuoteAttributionDetail | undefined): Span | null {
  if (!quote.speaker) return null;
  const cue = quote.cueSpan ?? null;
  const speaker = quote.speakerSpan ?? null;
  const overlapsQuote = (s: Span): boolean => s.start < quoteRange.end && quoteRange.start < s.end;
  const pronoun = speaker !== null && PRONOUN.test(text.slice(speaker.start, speaker.end));
  if (cue && speaker && !pronoun) {
    const [first, second] = speaker.start <= cue.start ? [speaker, cue] : [cue, speaker];
    const both = { start: first.start, end: Math.max(first.end, second.end) };
    const between = text.slice(first.end, Math.max(first.end, second.start));
    const close = second.start - first.end <= ATTRIBUTION_REACH && !SENTENCE_BREAK.test(between);
    if (close && !overlapsQuote(both)) return withChannel(text, both, quote.channelSpan ?? null, overlapsQuote);
  }
  if (speaker && !overlapsQuote(speaker) && !PRONOUN.test(text.slice(speaker.start, speaker.end))) return speaker;
  const evidence = detail?.evidence ?? null;
  if (evidence && !overlapsQuote(evidence) && !PRONOUN.test(text.slice(evidence.start, evidence.end))) return evidence;
  return null;
}

const PRONOUN = /^(?:he|she|it|they|him|her|them|i|we|you)$/i;

/**
 * Speaker and cue with the phrase naming the channel outside the cue ("In a post on X, Musk wrote", "Ortiz, reached
 * by phone by the AP, said", "a déclaré Jean Dupont à l’AFP"), when it is close, in the same sentence and clear of
 * the quote; else speaker and cue alone.
 */
function withChannel(text: string, both: Span, channel: Span | null, overlapsQuote: (s: Span) => boolean): Span {
  if (!channel) return both;
  const all = { start: Math.min(both.start, channel.start), end: Math.max(both.end, channel.end) };
  const gap = channel.start >= both.end ? text.slice(both.end, channel.start) : text.slice(channel.end, Math.max(channel.end, both.start));
  if (gap.length > ATTRIBUTION_REACH || SENTENCE_BREAK.test(gap) || overlapsQuote(all)) return both;
  return all;
}

/** The codebook's "How reached" value an attribution shows ("wrote in an email" → email, "In a post on X," → social post), if any. */
function reachedBy(quote: DetectedQuote, text: string): string | null {
  if (!quote.cue) return null;
  const phrase = quote.channelSpan ? text.slice(quote.channelSpan.start, quote.channelSpan.end) : '';
  const cue = `${quote.cue} ${phrase}`;
  const channel = ((quote.channel !== undefined ? quote.channel : cueChannel(quote.cue)) ?? '').toLowerCase();
  // The cue's own channel first: "said in a statement posted on LinkedIn" was a statement.
  const medium = `${cueChannel(quote.cue) ?? ''} ${channel} ${/^(?:in|on)\s/i.test(phrase) ? phrase : ''}`.toLowerCase();
  if (/\b(?:e-?mail)\b/.test(medium)) return 'email';
  if (/\bstatement\b/.test(medium)) return 'statement';
  if (/\binterview\b/.test(medium)) return 'interview';
  if (/\bphone\b/i.test(cue)) return 'phone';
  if (/\b(?:tweet|tweeted|posted|post)\b/i.test(cue) || /^(?:twitter|x|facebook|linkedin|instagram|telegram)$/.test(channel)) return 'social post';
  return null;
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "‘he’ → Boris Bondarev, named two sentences earlier", for a speaker referred to by a pronoun or description. */
function whyThisSpeaker(text: string, quote: DetectedQuote, detail: QuoteAttributionDetail | undefined): string | null {
  if (!quote.speaker || !detail) return null;
  if (detail.how === 'clause') return `${quote.speaker}: the subject of the sentence the quote sits in (no speech verb)`;
  const span = quote.speakerSpan;
  const evidence = detail.evidence;
  if (!span || !evidence || (evidence.start === span.start && evidence.end === span.end)) {
    return detail.how === 'carried' ? `${quote.speaker}: credited like the attribution just before it` : null;
  }
  const said = text.slice(span.start, span.end);
  const [from, to] = evidence.start < span.start ? [evidence.end, span.start] : [span.end, evidence.start];
  const sentences = (text.slice(from, to).match(/[.!?…]["'”’)\]]*\s/g) ?? []).length;
  const where =
    evidence.start > span.start
      ? 'named just after'
      : sentences === 0
        ? 'named in the same sentence'
        : sentences <= 10
          ? `named ${NUMBER_WORDS[sentences]} sentence${sentences === 1 ? '' : 's'} earlier`
          : 'named earlier in the article';
  return `‘${said}’ → ${quote.speaker}, ${where}`;
}

/** A line break, or a sentence's closing mark followed by a space. */
const SENTENCE_BREAK = /\n|[.!?…]["'”’)\]]*\s/;
