/**
 * The library's article list. Fetched again each time `screen` changes to a
 * screen that needs it (non-null), so counts made in the reader or side by
 * side show when the user comes back to the library.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ArticleSummary } from '../shared/model';
import { getApi } from './api/getApi';
import { useDataChanged } from './dataChanged';
import { prefetchLibrary, takePrefetchedLibrary } from './libraryPrefetch';
import { useReportError } from './reportErrorContext';

export interface Library {
  articles: ArticleSummary[] | null;
  failed: boolean;
  reload: () => void;
}

// The first listing starts as this module loads, before the first render (see libraryPrefetch).
if (typeof window !== 'undefined') prefetchLibrary(window.location.hash);

export function useLibrary(screen: string | null): Library {
  const reportError = useReportError();
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (screen === null) return;
    let live = true;
    (takePrefetchedLibrary() ?? getApi().listArticles({})).then(
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
  }, [screen, attempt, reportError]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  // Counts change with an undo or redo.
  useDataChanged(reload);
  return { articles, failed, reload };
}
