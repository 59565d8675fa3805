/**
 * The coverage matrix, fetched each time the screen opens (and after an undo or redo, which may change
 * groups and credits), and again when the rows switch between groups and single annotations.
 */
import { useEffect, useRef } from 'react';
import type { CoverageMatrix } from '../../shared/crossArticle/crossArticle';
import { getApi } from '../api/getApi';
import { useFetchedOnOpen } from '../data/useFetchedOnOpen';

export type CoverageRows = 'groups' | 'annotations';

export interface Coverage {
  matrix: CoverageMatrix | null;
  failed: boolean;
  reload: () => void;
}

export function useCoverage(rows: CoverageRows = 'groups'): Coverage {
  const { value, failed, reload } = useFetchedOnOpen(() => getApi().getCoverage({ rows }), 'Could not build the coverage matrix');
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else reload();
  }, [rows, reload]);
  // Until the new rows arrive, the old ones are not shown as if they were them.
  const matches = value !== null && (rows === 'annotations') === value.rows.some((r) => r.annotation !== undefined);
  return { matrix: value === null || matches || value.rows.length === 0 ? value : null, failed, reload };
}
