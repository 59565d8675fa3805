/**
 * An article's quotes as the corpus speaker index takes them (ArticleQuotes),
 * made from its quote cache entry without its text: the index reads only the
 * text of each quote's speakerSpan, so the text handed over is those
 * excerpts one after another, and each speakerSpan points at its excerpt in
 * it. Offsets of the quotes themselves are not touched.
 */
import type { ArticleQuotes } from '../../shared/quotes/buildSpeakerIndex';
import { recordPeople } from '../../shared/quotes/articleQuotesRecord';
import type { QuoteCacheEntry } from '../store/quoteCache';

export function cachedArticleQuotes(article: string, entry: QuoteCacheEntry): ArticleQuotes {
  let text = '';
  const quotes = entry.record.quotes.map((q, i) => {
    const said = entry.excerpts[i]?.said ?? null;
    if (!q.quote.speakerSpan || said === null) return q;
    const start = text.length;
    text += said;
    return { quote: { ...q.quote, speakerSpan: { start, end: text.length } }, detail: q.detail };
  });
  return { article, text, quotes, people: recordPeople(entry.record) };
}
