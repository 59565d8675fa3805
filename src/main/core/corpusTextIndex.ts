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
 *
 * With a PersistedSearchIndex (issue 20: 100,000 articles), a search first
 * asks it which articles hold the query's words and reads and scans only
 * those; the index is brought up to date with the library before (articles
 * added, removed or with a new text since), and built when missing or
 * damaged. Whether it is up to date is one digest of the library's ids and
 * hashes (librarySignature) compared with the one the index last matched.
 * Without one (or for a query without words), every text is read.
 */
import { createHash } from 'node:crypto';
import { foldForSearch, foldQuery, type SearchHit, type SearchResult } from '../../shared/search/corpusSearch';
import type { ArticleMeta } from '../../shared/model/model';
import { countableTerms, queryTerms, type QueryTerm } from '../../shared/search/searchTerms';
import { DamagedSearchIndex, type PersistedSearchIndex } from '../store/persistedSearchIndex';

/** Characters of context either side of a hit. */
export const SNIPPET_CONTEXT = 60;

export interface CorpusTextSource {
  articles(): readonly ArticleMeta[];
  text(articleId: string): Promise<string>;
  /** The text at once when it is small (no wait per file), else null (then `text`). */
  textNow?(articleId: string): string | null;
  /** Changes whenever the articles may have changed (the library's revision); lets a search skip the sync. */
  revision?(): string;
  /** A digest of the article list as read from disk (same digest, same articles), null when unknown or changed since: free to compare. */
  digest?(): string | null;
}

/** Articles read and added to the persisted index at a time. */
const INDEX_BATCH = 5000;
/** Texts read at once while building (their words are taken in order, then they are let go). */
const READ_AHEAD = 64;

export interface SearchOptions {
  query: string;
  limit: number;
  articleIds?: readonly string[];
}

interface Entry {
  hash: string;
  text: string;
  folded: string;
}

export class CorpusTextIndex {
  private readonly entries = new Map<string, Entry>();
  private loading: Promise<void> | null = null;

  private syncing: Promise<void> | null = null;
  private syncedRevision: string | null = null;

  constructor(
    private readonly source: CorpusTextSource,
    private readonly persisted: PersistedSearchIndex | null = null,
  ) {}

  /** Makes the first search quick: the persisted index brought up to date, or (without one) every text read. */
  async warm(): Promise<void> {
    if (this.persisted) await this.sync();
    else await this.ready();
  }

  /**
   * Brings the persisted index up to date with the library when there is a
   * usable one (after index.json was saved: an import, the codebook, the
   * coder), so the next start's first search finds it current; never builds
   * one (the first search does). A damaged index is left to the next search.
   */
  async catchUp(): Promise<void> {
    if (!this.persisted || (await this.persisted.needsRebuild())) return;
    try {
      await this.sync();
    } catch (error) {
      if (!(error instanceof DamagedSearchIndex)) throw error;
    }
  }

  /** Brings the persisted index up to date with the library (one sync at a time). */
  private async sync(): Promise<void> {
    while (this.syncing) await this.syncing;
    const revision = this.source.revision?.() ?? null;
    if (revision !== null && revision === this.syncedRevision) return;
    this.syncing = this.syncNow(this.persisted!);
    try {
      await this.syncing;
      this.syncedRevision = revision;
    } finally {
      this.syncing = null;
    }
  }

  private async syncNow(index: PersistedSearchIndex): Promise<void> {
    if (await index.needsRebuild()) await index.clear();
    const live = this.source.articles();
    // The library the index last matched in full: the store's digest of index.json as read at the start (free),
    // else one digest of the articles' ids and hashes. Either matching: nothing to compare or read.
    const opened = this.source.digest?.() ?? null;
    const quick = opened === null ? null : `index.json ${opened}`;
    if (quick !== null && (await index.matches(quick, live))) return;
    const signature = librarySignature(live);
    if (await index.matches(signature, live)) {
      if (quick !== null) await index.alsoNamed([signature, quick]);
      return;
    }
    const covered = await index.covered();
    const liveHash = new Map(live.map((a) => [a.id, a.hash]));
    const gone = new Set<string>();
    for (const [id, hash] of covered) if (liveHash.get(id) !== hash) gone.add(id);
    await index.remove(gone);
    const missing = live.filter((a) => covered.get(a.id) !== a.hash);
    // Each text is read (a few at a time), its words handed to the index in the library's order, and let go:
    // the store keeps none of them (peekText), and no map of words per article is made.
    for (let from = 0; from < missing.length; from += INDEX_BATCH) {
      const adder = await index.adding();
      const batch = missing.slice(from, from + INDEX_BATCH);
      for (let at = 0; at < batch.length; at += READ_AHEAD) {
        const metas = batch.slice(at, at + READ_AHEAD);
        const texts = await mapLimited(metas, 16, (meta) => this.source.text(meta.id));
        metas.forEach((meta, i) => adder.addText(meta.id, meta.hash, foldForSearch(texts[i]!)));
      }
      await adder.commit();
    }
    await index.markMatched(quick === null ? [signature] : [signature, quick], live);
  }

  /** The ids of the articles the persisted index says hold the query's words; null: every article. */
  private async candidates(needle: string): Promise<Set<string> | null> {
    const terms = queryTerms(needle);
    if (!this.persisted || terms.length === 0) return null;
    return this.fromIndex((index) => index.candidates(terms));
  }

  /** Asks the persisted index, brought up to date first; a damaged one is built again and asked again. */
  private async fromIndex<T>(ask: (index: PersistedSearchIndex) => Promise<T>): Promise<T> {
    const index = this.persisted!;
    try {
      await this.sync();
      return await ask(index);
    } catch (error) {
      if (!(error instanceof DamagedSearchIndex)) throw error;
      await index.clear(); // derived data: built again
      this.syncedRevision = null;
      await this.sync();
      return ask(index);
    }
  }

  /**
   * A search counted from the persisted index (a query of words with single
   * spaces between): every article's hits are known without reading its text;
   * only the texts of the hits returned are read, for their offsets and
   * snippets. Null when the index cannot count this query.
   */
  private async searchCounted(terms: readonly QueryTerm[], needle: string, limit: number, wanted: Set<string> | null): Promise<SearchResult | null> {
    const answer = await this.fromIndex((index) => index.answerByNumber(terms));
    if (answer === null) return null;
    if (!answer.exact) return this.scan(needle, limit, wanted, answer.candidates);
    const { hits: perNumber, idAt, library } = answer.counts;
    const live = this.source.articles();
    let total = 0;
    let articles = 0;
    const shown: ArticleMeta[] = [];
    const take = (meta: ArticleMeta, hits: number) => {
      if (total < limit) shown.push(meta);
      total += hits;
      articles++;
    };
    if (library === live) {
      // Article number n is the library's n-th article: its order, with no id looked up.
      for (let n = 0; n < perNumber.length; n++) {
        if (perNumber[n] !== 0 && (!wanted || wanted.has(live[n]!.id))) take(live[n]!, perNumber[n]!);
      }
    } else {
      const counts = new Map<string, number>();
      for (let n = 0; n < perNumber.length; n++) {
        const id = perNumber[n] === 0 ? null : idAt(n);
        if (id !== null) counts.set(id, perNumber[n]!);
      }
      for (const meta of live) if (counts.has(meta.id) && (!wanted || wanted.has(meta.id))) take(meta, counts.get(meta.id)!);
    }
    // The hits' texts (a few hundred at most, small ones read at once), for their offsets and snippets.
    const texts = await mapLimited(shown, 16, async (meta) => this.source.textNow?.(meta.id) ?? this.source.text(meta.id));
    const hits: SearchHit[] = [];
    shown.forEach((meta, i) => {
      const text = texts[i]!;
      const folded = foldForSearch(text);
      for (let at = folded.indexOf(needle); at >= 0 && hits.length < limit; at = folded.indexOf(needle, at + needle.length)) {
        hits.push(hitAt(meta, text, at, at + needle.length));
      }
    });
    return { hits, total, articles };
  }

  /** Reads the texts of these articles not read yet (or read before their text changed). */
  private async load(metas: readonly ArticleMeta[]): Promise<void> {
    const missing = metas.filter((m) => this.entries.get(m.id)?.hash !== m.hash);
    await mapLimited(missing, 16, async (meta) => {
      const text = await this.source.text(meta.id);
      this.entries.set(meta.id, { hash: meta.hash, text, folded: foldForSearch(text) });
    });
  }

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
          this.entries.set(meta.id, { hash: meta.hash, text, folded: foldForSearch(text) });
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
    const wanted = articleIds ? new Set(articleIds) : null;
    const countable = this.persisted ? countableTerms(needle) : null;
    if (countable) {
      const counted = await this.searchCounted(countable, needle, limit, wanted);
      if (counted) return counted;
    }
    return this.scan(needle, limit, wanted, await this.candidates(needle));
  }

  /** Reads the texts of the candidates (null: every article) and finds the needle in them. */
  private async scan(needle: string, limit: number, wanted: Set<string> | null, candidates: Set<string> | null): Promise<SearchResult> {
    if (candidates === null) await this.ready();
    const metas = this.source.articles().filter((m) => (!wanted || wanted.has(m.id)) && (!candidates || candidates.has(m.id)));
    if (candidates !== null) await this.load(metas);
    const hits: SearchHit[] = [];
    let total = 0;
    let articles = 0;
    for (const meta of metas) {
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

/**
 * One digest of the library's articles (ids and text hashes, in order): the
 * persisted index compares it with the one it last matched instead of
 * comparing 100,000 articles (issue 20: the first search after a start).
 */
export function librarySignature(articles: readonly Pick<ArticleMeta, 'id' | 'hash'>[]): string {
  const digest = createHash('sha256');
  for (let from = 0; from < articles.length; from += 4096) {
    let chunk = '';
    for (let i = from; i < Math.min(articles.length, from + 4096); i++) chunk += `${articles[i]!.id}\t${articles[i]!.hash}\n`;
    digest.update(chunk);
  }
  return `${articles.length}:${digest.digest('hex')}`;
}

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
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
