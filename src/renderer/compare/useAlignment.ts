/**
 * The passages the open columns share (`alignArticles`), fetched in the
 * background: one request per set of articles (reordering the columns or
 * re-rendering asks nothing new), and nothing waits for it.
 */
import { useEffect, useState } from 'react';
import type { AlignedGroupResult } from '../../shared/crossArticle/crossArticle';
import { alignmentKey } from './alignmentKey';
import { getApi } from '../api/getApi';
import { useReportError } from '../app/reportErrorContext';

export interface Alignment {
  groups: AlignedGroupResult[];
  status: 'aligning' | 'ready' | 'failed';
}

export function useAlignment(articleIds: readonly string[]): Alignment {
  const reportError = useReportError();
  const key = alignmentKey(articleIds);
  const [result, setResult] = useState<{ key: string; alignment: Alignment }>({
    key: '',
    alignment: { groups: [], status: 'aligning' },
  });

  useEffect(() => {
    const ids = key.split(',').filter(Boolean);
    if (ids.length < 2) {
      setResult({ key, alignment: { groups: [], status: 'ready' } });
      return;
    }
    let live = true;
    getApi()
      .alignArticles({ articleIds: ids })
      .then(
        (groups) => live && setResult({ key, alignment: { groups, status: 'ready' } }),
        (err: unknown) => {
          if (!live) return;
          setResult({ key, alignment: { groups: [], status: 'failed' } });
          reportError('Could not find the shared passages', err);
        },
      );
    return () => {
      live = false;
    };
  }, [key, reportError]);

  return result.key === key ? result.alignment : { groups: [], status: 'aligning' };
}
