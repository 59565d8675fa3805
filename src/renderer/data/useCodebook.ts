/**
 * The codebook (tags, colours, keys, attributes), loaded once and replaced
 * whenever the Codebook screen announces a change (announceCodebook). Empty
 * until it arrives.
 */
import { useEffect, useState } from 'react';
import type { Tag } from '../../shared/model/model';
import { getApi } from '../api/getApi';
import { CODEBOOK_EVENT } from './announceCodebook';
import { useReportError } from '../app/reportErrorContext';

export function useCodebook(): readonly Tag[] {
  const reportError = useReportError();
  const [codebook, setCodebook] = useState<readonly Tag[]>([]);
  useEffect(() => {
    let live = true;
    let announced = false;
    const onChange = (event: Event) => {
      announced = true;
      setCodebook((event as CustomEvent<readonly Tag[]>).detail);
    };
    window.addEventListener(CODEBOOK_EVENT, onChange);
    getApi()
      .getCodebook({})
      .then(
        (tags) => live && !announced && setCodebook(tags),
        (err: unknown) => live && reportError('Could not load the tags', err),
      );
    return () => {
      live = false;
      window.removeEventListener(CODEBOOK_EVENT, onChange);
    };
  }, [reportError]);
  return codebook;
}
