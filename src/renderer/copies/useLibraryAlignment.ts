/**
 * The library alignment job as the screen follows it: its status fetched on
 * open and, while a run goes on, every half second (the core reports the
 * phase and counts; nothing is pushed); start and cancel; the kept groups'
 * first page, fetched again when a run ends or articles were added to it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Output } from '../../shared/contract/contract';
import type { LibraryAlignmentStatus } from '../../shared/contract/libraryAlignmentSchemas';
import { getApi } from '../api/getApi';
import { useReportError } from '../app/reportErrorContext';

const POLL_MS = 500;
/** Groups shown under the panel. */
export const SHOWN_GROUPS = 8;

export interface LibraryAlignment {
  status: LibraryAlignmentStatus | null;
  passages: Output<'listLibraryPassages'> | null;
  start(): void;
  cancel(): void;
}

export function useLibraryAlignment(): LibraryAlignment {
  const reportError = useReportError();
  const [status, setStatus] = useState<LibraryAlignmentStatus | null>(null);
  const [passages, setPassages] = useState<Output<'listLibraryPassages'> | null>(null);
  const live = useRef(true);

  const show = useCallback((next: LibraryAlignmentStatus) => {
    if (live.current) setStatus(next);
  }, []);

  useEffect(() => {
    live.current = true;
    getApi()
      .getLibraryAlignmentStatus({})
      .then(show, (err: unknown) => reportError('Could not read the library alignment', err));
    return () => {
      live.current = false;
    };
  }, [show, reportError]);

  const running = status?.running !== null && status?.running !== undefined;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      getApi()
        .getLibraryAlignmentStatus({})
        .then(show, () => undefined); // the next poll tries again
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, show]);

  // The kept groups: again whenever what is kept changes (a run finished, articles added).
  const keptKey = status?.kept ? `${status.kept.finishedAt}/${status.kept.articles}/${status.kept.groups}` : '';
  useEffect(() => {
    if (!keptKey) {
      setPassages(null);
      return;
    }
    let current = true;
    getApi()
      .listLibraryPassages({ limit: SHOWN_GROUPS })
      .then(
        (page) => current && setPassages(page),
        (err: unknown) => reportError('Could not read the shared passages', err),
      );
    return () => {
      current = false;
    };
  }, [keptKey, reportError]);

  const start = useCallback(() => {
    getApi()
      .startLibraryAlignment({})
      .then(show, (err: unknown) => reportError('Could not start aligning the library', err));
  }, [show, reportError]);

  const cancel = useCallback(() => {
    setStatus((s) => (s?.running ? { ...s, running: { ...s.running, cancelling: true } } : s));
    getApi()
      .cancelLibraryAlignment({})
      .then(show, (err: unknown) => reportError('Could not cancel the alignment', err));
  }, [show, reportError]);

  return { status, passages, start, cancel };
}
