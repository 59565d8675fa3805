/** Who copies whom over the library, fetched each time the screen opens (and after an undo or redo). */
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../shared/contract/contract';
import { getApi } from '../api/getApi';
import { useDataChanged } from '../app/dataChanged';
import { useReportError } from '../app/reportErrorContext';

export type CopyMatrixResult = Output<'getCopyMatrix'>;

export interface CopyMatrixState {
  matrix: CopyMatrixResult | null;
  failed: boolean;
  reload: () => void;
}

export function useCopyMatrix(): CopyMatrixState {
  const reportError = useReportError();
  const [matrix, setMatrix] = useState<CopyMatrixResult | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setFailed(false);
    getApi()
      .getCopyMatrix({})
      .then(
        (m) => live && setMatrix(m),
        (err: unknown) => {
          if (!live) return;
          setFailed(true);
          reportError('Could not work out who copies whom', err);
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
