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
import type { DataStore } from '../store/dataStore';
import type { QuoteCache } from '../store/quoteCache';

export async function readEntityIndex(store: DataStore, quotes: QuoteCache, corrections: readonly EntityCorrection[]): Promise<EntityIndex> {
  const articles: ArticleQuotes[] = [];
  const typed: TypedCredit[] = [];
  for (const meta of store.articles()) {
    const text = await store.text(meta.id);
    const record = quotes.quotesOf(meta.hash, text);
    articles.push({ article: meta.id, text, quotes: record.quotes, people: recordPeople(record) });
    for (const a of await store.annotations(meta.id)) {
      const name = creditedName(a.tagId, a.attributes);
      if (name) typed.push({ article: meta.id, annotationId: a.id, start: a.start, end: a.end, exact: a.exact, name });
    }
  }
  // The cache is derived data: a write that fails costs a detection next time, nothing more.
  await quotes.flush().catch(() => undefined);
  return buildEntityIndex(articles, typed, corrections);
}
