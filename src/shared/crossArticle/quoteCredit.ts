/**
 * Whom an article credits for the words at start–end: the speaker and the
 * attribution cue of the detected quote overlapping them most (the quote
 * detector's reading), and the channel the attribution names ("told
 * Reuters" → Reuters, "In a post on X, …" → X) or, failing that, an "according to X" in the sentence around
 * them. Shared by the attribution ledger and the coverage matrix. Pure.
 */
import type { DetectedQuoteWithDetail } from '../quotes/detectQuotes';
import { cueChannel } from '../quotes/cueChannel';

export interface QuoteCredit {
  speaker: string | null;
  /** The attribution words as written ("told Reuters"), or null. */
  cue: string | null;
  channel: string | null;
}

const ACCORDING_TO = /according to\s+((?:the\s+)?\p{Lu}[\p{L}\p{N}’'.&-]*(?:\s+\p{Lu}[\p{L}\p{N}’'.&-]*)*)/u;

/** The sentence(s) around a range: from the previous full stop to the next one (at most 300 characters either side). */
function around(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 300);
  const before = text.slice(from, start);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'));
  const after = text.slice(end, end + 300);
  const stop = after.search(/[.!?](?:\s|$)|\n/);
  return `${cut >= 0 ? before.slice(cut + 1) : before}${text.slice(start, end)}${stop >= 0 ? after.slice(0, stop + 1) : after}`;
}

export function quoteCredit(text: string, quotes: readonly DetectedQuoteWithDetail[], start: number, end: number): QuoteCredit {
  let best: DetectedQuoteWithDetail['quote'] | null = null;
  let bestOverlap = 0;
  for (const { quote } of quotes) {
    const overlap = Math.min(quote.end, end) - Math.max(quote.start, start);
    if (overlap > bestOverlap) [best, bestOverlap] = [quote, overlap];
  }
  const speaker = best?.speaker ?? null;
  const cue = best?.cue || null;
  let channel = best?.channel !== undefined ? best.channel : cueChannel(cue);
  if (!channel && text) channel = ACCORDING_TO.exec(around(text, start, end))?.[1]?.replace(/\.+$/, '') ?? null;
  return { speaker, cue, channel };
}
