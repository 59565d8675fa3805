/**
 * The library's article list. Fetched again each time `active` turns true,
 * so counts made in the reader show when the user comes back.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ArticleSummary } from '../shared/model';
import { getApi } from './api/getApi';
import { useReportError } from './reportErrorContext';

export interface Library {
  articles: ArticleSummary[] | null;
  failed: boolean;
  reload: () => void;
}

export function useLibrary(active: boolean): Library {
  const reportError = useReportError();
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!active) return;
    let live = true;
    getApi()
      .listArticles({})
      .then(
        (list) => {
          if (!live) return;
          setArticles(list);
          setFailed(false);
        },
        (err: unknown) => {
          if (!live) return;
          setFailed(true);
          reportError('Could not load the library', err);
        },
      );
    return () => {
      live = false;
    };
  }, [active, attempt, reportError]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { articles, failed, reload };
}
