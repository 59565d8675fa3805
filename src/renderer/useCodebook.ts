/** The codebook (tags, colours, keys), loaded once. Empty until it arrives. */
import { useEffect, useState } from 'react';
import type { Tag } from '../shared/model';
import { getApi } from './api/getApi';
import { useReportError } from './reportErrorContext';

export function useCodebook(): readonly Tag[] {
  const reportError = useReportError();
  const [codebook, setCodebook] = useState<readonly Tag[]>([]);
  useEffect(() => {
    let live = true;
    getApi()
      .getCodebook({})
      .then(
        (tags) => live && setCodebook(tags),
        (err: unknown) => live && reportError('Could not load the tags', err),
      );
    return () => {
      live = false;
    };
  }, [reportError]);
  return codebook;
}
