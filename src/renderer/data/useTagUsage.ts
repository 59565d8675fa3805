/**
 * How many annotations use each tag, and in how many articles, from the
 * library's counts; `reload` fetches them again (after a tag is deleted or
 * its annotations moved, and before one is deleted). Null while counting.
 */
import { useCallback, useEffect, useState } from 'react';
import { getApi } from '../api/getApi';
import { useReportError } from '../app/reportErrorContext';

export type TagUsage = ReadonlyMap<string, { annotations: number; articles: number }>;

export function useTagUsage(): { usage: TagUsage | null; reload: () => void } {
  const reportError = useReportError();
  const [usage, setUsage] = useState<TagUsage | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    getApi()
      .listArticles({})
      .then(
        (articles) => {
          if (!live) return;
          const next = new Map<string, { annotations: number; articles: number }>();
          for (const article of articles) {
            for (const [tagId, count] of Object.entries(article.counts)) {
              if (count === 0) continue;
              const seen = next.get(tagId) ?? { annotations: 0, articles: 0 };
              next.set(tagId, { annotations: seen.annotations + count, articles: seen.articles + 1 });
            }
          }
          setUsage(next);
        },
        (err: unknown) => live && reportError('Could not count the annotations per tag', err),
      );
    return () => {
      live = false;
    };
  }, [attempt, reportError]);
  const reload = useCallback(() => {
    setUsage(null);
    setAttempt((n) => n + 1);
  }, []);
  return { usage, reload };
}
