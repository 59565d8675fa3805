/**
 * A value the screen fetches from the core when it opens, and again after an
 * undo or redo (useDataChanged) or on `reload`. A failed fetch is reported
 * once with `failure` (the action that failed) and leaves `failed` set; a
 * fetch that answers after the screen closed is ignored.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDataChanged } from '../app/dataChanged';
import { useReportError } from '../app/reportErrorContext';

export interface Fetched<T> {
  value: T | null;
  failed: boolean;
  reload: () => void;
}

export function useFetchedOnOpen<T>(fetch: () => Promise<T>, failure: string): Fetched<T> {
  const reportError = useReportError();
  const [value, setValue] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // The latest fetch function, without making every render a new fetch.
  const latest = useRef(fetch);
  latest.current = fetch;

  useEffect(() => {
    let live = true;
    setFailed(false);
    latest.current().then(
      (v) => live && setValue(v),
      (err: unknown) => {
        if (!live) return;
        setFailed(true);
        reportError(failure, err);
      },
    );
    return () => {
      live = false;
    };
  }, [attempt, reportError, failure]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  useDataChanged(reload);
  return { value, failed, reload };
}
