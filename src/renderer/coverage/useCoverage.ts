/** The coverage matrix, fetched each time the screen opens. */
import { useCallback, useEffect, useState } from 'react';
import type { CoverageMatrix } from '../../shared/crossArticle/crossArticle';
import { getApi } from '../api/getApi';
import { useDataChanged } from '../app/dataChanged';
import { useReportError } from '../app/reportErrorContext';

export interface Coverage {
  matrix: CoverageMatrix | null;
  failed: boolean;
  reload: () => void;
}

export function useCoverage(): Coverage {
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
          reportError('Could not build the coverage matrix', err);
        },
      );
    return () => {
      live = false;
    };
  }, [attempt, reportError]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  // An undo or redo may change groups and credits.
  useDataChanged(reload);
  return { matrix, failed, reload };
}
