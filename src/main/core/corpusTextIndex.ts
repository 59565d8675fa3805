/**
 * The texts a corpus search scans, folded for search (see foldForSearch),
 * kept in memory once read. Nothing is read until the first search; each
 * search first reads the articles added to the library since (an import),
 * and leaves out the ones no longer in it, so the index never goes stale.
 * Article texts never change, so a folded text, once read, stays right.
 *
 * A plain scan with indexOf over folded texts finds phrases and gives the
 * offsets the reader highlights; an inverted index (minisearch) would find
 * documents by words but not the positions, and costs far more memory.
 */
import { foldForSearch, foldQuery, type SearchHit, type SearchResult } from '../../shared/search/corpusSearch';
import type { ArticleMeta } from '../../shared/model/model';

/** Characters of context either side of a hit. */
export const SNIPPET_CONTEXT = 60;

export interface CorpusTextSource {
  articles(): readonly ArticleMeta[];
  text(articleId: string): Promise<string>;
}

export interface SearchOptions {
  query: string;
  limit: number;
  articleIds?: readonly string[];
}

interface Entry {
  text: string;
  folded: string;
}

export class CorpusTextIndex {
  private readonly entries = new Map<string, Entry>();
  private loading: Promise<void> | null = null;

  constructor(private readonly source: CorpusTextSource) {}

  /** Reads (a few at a time) every article text not read yet. */
  async ready(): Promise<void> {
    while (this.loading) await this.loading;
    const missing = this.source.articles().filter((a) => !this.entries.has(a.id));
    if (missing.length === 0) return;
    this.loading = (async () => {
      let next = 0;
      const worker = async () => {
        while (next < missing.length) {
          const meta = missing[next++]!;
          const text = await this.source.text(meta.id);
          this.entries.set(meta.id, { text, folded: foldForSearch(text) });
        }
      };
      await Promise.all(Array.from({ length: Math.min(16, missing.length) }, worker));
    })();
    try {
      await this.loading;
    } finally {
      this.loading = null;
    }
  }

  async search({ query, limit, articleIds }: SearchOptions): Promise<SearchResult> {
    const needle = foldQuery(query);
    if (needle === '') return { hits: [], total: 0, articles: 0 };
    await this.ready();
    const wanted = articleIds ? new Set(articleIds) : null;
    const hits: SearchHit[] = [];
    let total = 0;
    let articles = 0;
    for (const meta of this.source.articles()) {
      if (wanted && !wanted.has(meta.id)) continue;
      const entry = this.entries.get(meta.id);
      if (!entry) continue;
      let at = entry.folded.indexOf(needle);
      if (at < 0) continue;
      articles++;
      while (at >= 0) {
        total++;
        if (hits.length < limit) hits.push(hitAt(meta, entry.text, at, at + needle.length));
        at = entry.folded.indexOf(needle, at + needle.length);
      }
    }
    return { hits, total, articles };
  }
}

function hitAt(meta: ArticleMeta, text: string, start: number, end: number): SearchHit {
  let from = Math.max(0, start - SNIPPET_CONTEXT);
  let to = Math.min(text.length, end + SNIPPET_CONTEXT);
  // Start and end the snippet at word boundaries where there is one near.
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return {
    articleId: meta.id,
    title: meta.title,
    outlet: meta.outlet,
    start,
    end,
    before: (from > 0 ? '…' : '') + flat(text.slice(from, start)),
    match: text.slice(start, end),
    after: flat(text.slice(end, to)) + (to < text.length ? '…' : ''),
  };
}
