/**
 * A quote no rule credits takes the attribution that follows a later quote of the same sentence: in
 * `Those who watch “certain shows” and read “certain sites,” he said, lose touch.` and
 * `Voters value him as a “protector” more than as a “provider,” a study by Ann Lee found.` the one speech verb of the
 * sentence, placed after its last quote, speaks for all its quotes. Not across a sentence end or a paragraph, and not
 * when the later quote is credited by a verb before it (`Lee called it “a mess” and Hale said “fine”`).
 */
import type { Attribution } from './findAttribution';
import type { QuoteSpan } from './findQuoteSpans';

/** Whether `later`'s attribution, read after `later`, also speaks for `quote` earlier in the same sentence. */
export function attributionAheadInSentence(text: string, quote: QuoteSpan, later: QuoteSpan, attribution: Attribution | null): boolean {
  if (!attribution?.speaker || attribution.cueSpan.start < later.close) return false;
  // The quote before must not end its sentence ("“…!” Voters …").
  if (/[.!?…]$/u.test(text.slice(quote.start, quote.end))) return false;
  const between = text.slice(quote.close, later.open);
  return !between.includes('\n') && !/[.!?…]["'”’»]*\s/u.test(between);
}
