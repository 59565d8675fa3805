/**
 * The people-and-organisations index of a data folder: quote detection over
 * every article (cached per text hash, derived/quotes.jsonl), the speaker and
 * name attributes of the stored annotations, and the corrections of
 * entities.json (buildEntityIndex). Used by the core's entity service and by
 * the streamed CLI export (canonical speaker names).
 *
 * When nothing changed it reads no text and no annotation file: a text whose
 * detection is in the quote cache gives its speakers' words from the cache's
 * excerpts (the same characters, cut from that text when it was detected), and
 * the names the annotations credit come from the counts index (counts.json),
 * each article's entry checked against its annotation file as it is now;
 * files changed since are read again, and not kept in memory.
 */
import { buildEntityIndex, type EntityIndex, type TypedCredit } from '../../shared/crossArticle/buildEntityIndex';
import type { EntityCorrection } from '../../shared/crossArticle/entitySchemas';
import { recordPeople } from '../../shared/quotes/articleQuotesRecord';
import type { ArticleQuotes } from '../../shared/quotes/buildSpeakerIndex';
import type { DetectedQuoteWithDetail } from '../../shared/quotes/detectQuotes';
import type { DataStore } from '../store/dataStore';
import type { QuoteCache, QuoteCacheEntry } from '../store/quoteCache';

/** What the index reads of a library: its articles, their texts and the names its annotations credit (a DataStore; the bench passes a synthetic one). */
export type EntityIndexSource = Pick<DataStore, 'articles' | 'peekText' | 'credits'>;

export async function readEntityIndex(store: EntityIndexSource, quotes: QuoteCache, corrections: readonly EntityCorrection[]): Promise<EntityIndex> {
  const articles: ArticleQuotes[] = [];
  const typed: TypedCredit[] = [];
  const credits = await store.credits();
  for (const meta of store.articles()) {
    const cached = quotes.entry(meta.hash);
    if (cached) articles.push({ article: meta.id, ...speakerWordsOf(cached), people: recordPeople(cached.record) });
    else {
      // peekText: read, not kept in the store's memory (the whole corpus passes through here).
      const text = await store.peekText(meta.id);
      const record = quotes.quotesOf(meta.hash, text);
      articles.push({ article: meta.id, ...speakerWordsOnly(text, record.quotes), people: recordPeople(record) });
    }
    for (const c of credits.get(meta.id) ?? []) typed.push({ article: meta.id, annotationId: c.id, start: c.start, end: c.end, exact: c.exact, name: c.name });
  }
  // The cache is derived data: a write that fails costs a detection next time, nothing more.
  await quotes.flush().catch(() => undefined);
  return buildEntityIndex(articles, typed, corrections);
}

/**
 * speakerWordsOnly from a quote cache entry: each quote's speaker words are its `said` excerpt (the text of
 * its speakerSpan, which the cache checks has the span's length), so the text is not read.
 */
export function speakerWordsOf({ record, excerpts }: QuoteCacheEntry): Pick<ArticleQuotes, 'text' | 'quotes'> {
  return gatherSpeakerWords(record.quotes, (q, i) => (q.quote.speakerSpan ? excerpts[i]!.said : null));
}

/**
 * Of an article's text, only the speakers' words: all the index reads of it
 * (each quote's speakerSpan), with the spans moved onto that short text. So
 * an index over 100,000 articles does not hold 100,000 texts at once. Copied
 * through a buffer, so no slice of the article's text keeps it alive.
 */
export function speakerWordsOnly(text: string, quotes: readonly DetectedQuoteWithDetail[]): Pick<ArticleQuotes, 'text' | 'quotes'> {
  const gathered = gatherSpeakerWords(quotes, (q) => (q.quote.speakerSpan ? text.slice(q.quote.speakerSpan.start, q.quote.speakerSpan.end) : null));
  return { text: Buffer.from(gathered.text, 'utf16le').toString('utf16le'), quotes: gathered.quotes };
}

/** The speaker words `wordsOf` gives for each quote (null: none), joined, with each speakerSpan moved onto them. */
function gatherSpeakerWords(
  quotes: readonly DetectedQuoteWithDetail[],
  wordsOf: (q: DetectedQuoteWithDetail, index: number) => string | null,
): Pick<ArticleQuotes, 'text' | 'quotes'> {
  const parts: string[] = [];
  let length = 0;
  const moved = quotes.map((q, i) => {
    const words = wordsOf(q, i);
    if (words === null) return q;
    parts.push(words);
    const start = length;
    length += words.length;
    return { ...q, quote: { ...q.quote, speakerSpan: { start, end: length } } };
  });
  return { text: parts.join(''), quotes: moved };
}
