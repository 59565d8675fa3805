/**
 * The hits of a search query in one article (the reader opened from a search
 * hit), and which one is current: first the one the reader was opened at,
 * then as the user steps with next and previous (wrapping around).
 */
import { useCallback, useEffect, useState } from 'react';
import type { SearchHit } from '../../shared/search/corpusSearch';
import { getApi } from '../api/getApi';
import { useReportError } from '../app/reportErrorContext';

export const ARTICLE_HIT_LIMIT = 5000;

export interface ArticleSearchHits {
  hits: readonly SearchHit[];
  current: number;
  step(direction: 1 | -1): void;
}

const NONE: readonly SearchHit[] = [];

export function useArticleSearchHits(articleId: string, search: { query: string; at: number } | undefined): ArticleSearchHits {
  const reportError = useReportError();
  const [hits, setHits] = useState<readonly SearchHit[]>(NONE);
  const [current, setCurrent] = useState(0);
  const query = search?.query ?? '';
  const at = search?.at ?? 0;

  useEffect(() => {
    setHits(NONE);
    if (!query.trim()) return;
    let live = true;
    getApi()
      .searchCorpus({ query, articleIds: [articleId], limit: ARTICLE_HIT_LIMIT })
      .then(
        (result) => {
          if (!live) return;
          setHits(result.hits);
          const i = result.hits.findIndex((h) => h.start >= at);
          setCurrent(i < 0 ? Math.max(0, result.hits.length - 1) : i);
        },
        (err: unknown) => live && reportError('Could not find the search hits in this article', err),
      );
    return () => {
      live = false;
    };
  }, [articleId, query, at, reportError]);

  const step = useCallback(
    (direction: 1 | -1) => setCurrent((i) => (hits.length === 0 ? 0 : (i + direction + hits.length) % hits.length)),
    [hits.length],
  );
  return { hits, current, step };
}
