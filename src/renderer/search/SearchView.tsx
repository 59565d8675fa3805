/**
 * The Search screen (Ctrl+F or `/` anywhere): a search box over the whole
 * corpus and its hits, each with the article and the matched words in their
 * context. Opening a hit opens the reader at it, with every hit of the query
 * in that article highlighted. The first search readies the corpus index,
 * so the screen asks for it as soon as it opens. Under the box, a line says
 * what it matches and how to step through the hits, so the empty screen is
 * not a blank page.
 */
import { useEffect, useRef, useState } from 'react';
import type { SearchHit, SearchResult } from '../../shared/search/corpusSearch';
import { getApi } from '../api/getApi';
import { useAppCommand } from '../app/appCommands';
import { hashForRoute } from '../app/hashRoute';
import { useDebouncedValue } from '../components/useDebouncedValue';
import { useReportError } from '../app/reportErrorContext';
import { formatCount } from '../components/formatCount';

export const SEARCH_LIMIT = 500;

export interface SearchViewProps {
  /** The query the screen opens with (from the URL). */
  query: string;
  onOpenHit: (hit: SearchHit, query: string) => void;
}

export function SearchView({ query, onOpenHit }: SearchViewProps) {
  const reportError = useReportError();
  const [text, setText] = useState(query);
  const settled = useDebouncedValue(text, 200);
  const [result, setResult] = useState<{ query: string; result: SearchResult } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useAppCommand('search', () => {
    inputRef.current?.focus();
    inputRef.current?.select();
  });

  useEffect(() => {
    // After the app has moved the focus to the new screen.
    const timer = setTimeout(() => inputRef.current?.focus(), 0);
    // Ready the index while the user types the first query.
    getApi().searchCorpus({ query: '' }).catch(() => undefined);
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    const q = settled.trim();
    // Kept in the URL (without a new history entry) so a reload or Back comes back to it.
    window.history.replaceState(null, '', hashForRoute({ view: 'search', query: q }, window.location.hash));
    if (!q) {
      setResult(null);
      return;
    }
    let live = true;
    getApi()
      .searchCorpus({ query: q, limit: SEARCH_LIMIT })
      .then(
        (r) => live && setResult({ query: q, result: r }),
        (err: unknown) => live && reportError('Could not search', err),
      );
    return () => {
      live = false;
    };
  }, [settled, reportError]);

  const r = result?.result;
  let summary = '';
  if (text.trim() && r && result.query === settled.trim()) {
    summary =
      r.total === 0
        ? `No hits for “${result.query}”.`
        : `${formatCount(r.total, 'hit')} in ${formatCount(r.articles, 'article')}${r.hits.length < r.total ? `; the first ${formatCount(r.hits.length)} are listed` : ''}.`;
  }

  return (
    <section className="search-view" aria-labelledby="search-title">
      <h1 id="search-title">Search the corpus</h1>
      <form role="search" className="search-view__form" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="corpus-search">Words or a phrase</label>
        <input
          id="corpus-search"
          ref={inputRef}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="corpus-search-hint"
        />
        <p id="corpus-search-hint" className="search-view__hint">
          Finds the words in every article, whatever their case and whichever quote marks or dashes they use. A hit opens the
          article with every hit marked; F3 and Shift+F3 step through them.
        </p>
      </form>
      <p className="search-view__summary" role="status">
        {summary}
      </p>
      {r && r.hits.length > 0 && text.trim() ? (
        <ol className="search-view__hits">
          {r.hits.map((hit) => (
            <li key={`${hit.articleId}:${hit.start}`}>
              <button type="button" className="search-hit" onClick={() => onOpenHit(hit, result.query)}>
                <span className="search-hit__title">
                  <bdi>{hit.title || hit.articleId}</bdi>
                  {hit.outlet ? <span className="search-hit__outlet"> · {hit.outlet}</span> : null}
                </span>
                <span className="search-hit__snippet" dir="auto">
                  {hit.before}
                  <mark>{hit.match}</mark>
                  {hit.after}
                </span>
              </button>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
