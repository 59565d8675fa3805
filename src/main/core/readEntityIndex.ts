/**
 * The people-and-organisations index of a data folder: quote detection over
 * every article (cached per text hash, derived/quotes.jsonl), the speaker and
 * name attributes of the stored annotations, and the corrections of
 * entities.json (buildEntityIndex). Used by the core's entity service and by
 * the streamed CLI export (canonical speaker names).
 */
import { buildEntityIndex, type EntityIndex, type TypedCredit } from '../../shared/crossArticle/buildEntityIndex';
import { creditedName } from '../../shared/crossArticle/creditedName';
import type { EntityCorrection } from '../../shared/crossArticle/entitySchemas';
import { recordPeople } from '../../shared/quotes/articleQuotesRecord';
import type { ArticleQuotes } from '../../shared/quotes/buildSpeakerIndex';
import type { DetectedQuoteWithDetail } from '../../shared/quotes/detectQuotes';
import type { DataStore } from '../store/dataStore';
import type { QuoteCache } from '../store/quoteCache';

/** What the index reads of a library: its articles, their texts and annotations (a DataStore; the bench passes a synthetic one). */
export type EntityIndexSource = Pick<DataStore, 'articles' | 'peekText' | 'annotations'>;

export async function readEntityIndex(store: EntityIndexSource, quotes: QuoteCache, corrections: readonly EntityCorrection[]): Promise<EntityIndex> {
  const articles: ArticleQuotes[] = [];
  const typed: TypedCredit[] = [];
  for (const meta of store.articles()) {
    // peekText: read, not kept in the store's memory (the whole corpus passes through here).
    const text = await store.peekText(meta.id);
    const record = quotes.quotesOf(meta.hash, text);
    articles.push({ article: meta.id, ...speakerWordsOnly(text, record.quotes), people: recordPeople(record) });
    for (const a of await store.annotations(meta.id)) {
      const name = creditedName(a.tagId, a.attributes);
      if (name) typed.push({ article: meta.id, annotationId: a.id, start: a.start, end: a.end, exact: a.exact, name });
    }
  }
  // The cache is derived data: a write that fails costs a detection next time, nothing more.
  await quotes.flush().catch(() => undefined);
  return buildEntityIndex(articles, typed, corrections);
}

/**
 * Of an article's text, only the speakers' words: all the index reads of it
 * (each quote's speakerSpan), with the spans moved onto that short text. So
 * an index over 100,000 articles does not hold 100,000 texts at once. Copied
 * through a buffer, so no slice of the article's text keeps it alive.
 */
export function speakerWordsOnly(text: string, quotes: readonly DetectedQuoteWithDetail[]): Pick<ArticleQuotes, 'text' | 'quotes'> {
  const parts: string[] = [];
  let length = 0;
  const moved = quotes.map((q) => {
    const span = q.quote.speakerSpan;
    if (!span) return q;
    const words = text.slice(span.start, span.end);
    parts.push(words);
    const start = length;
    length += words.length;
    return { ...q, quote: { ...q.quote, speakerSpan: { start, end: length } } };
  });
  return { text: Buffer.from(parts.join(''), 'utf16le').toString('utf16le'), quotes: moved };
}
