/** The coverage matrix quote drift is worked out from, fetched when the screen opens and again after an undo or redo. */
import { useCallback, useEffect, useState } from 'react';
import type { CoverageMatrix } from '../../shared/crossArticle/crossArticle';
import { getApi } from '../api/getApi';
import { useDataChanged } from '../app/dataChanged';
import { useReportError } from '../app/reportErrorContext';

export function useCoverageMatrix(): { matrix: CoverageMatrix | null; failed: boolean; reload: () => void } {
  const reportError = useReportError();
  const [matrix, setMatrix] = useState<CoverageMatrix | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setFailed(false);
    getApi()
      .getCoverage({})
      .then(
        (m) => live && setMatrix(m),
        (err: unknown) => {
          if (!live) return;
          setFailed(true);
          reportError('Could not read the groups for quote drift', err);
        },
      );
    return () => {
      live = false;
    };
  }, [attempt, reportError]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  useDataChanged(reload);
  return { matrix, failed, reload };
}
