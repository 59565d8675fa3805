/** The coverage matrix, fetched each time the screen opens (and after an undo or redo, which may change groups and credits). */
import type { CoverageMatrix } from '../../shared/crossArticle/crossArticle';
import { getApi } from '../api/getApi';
import { useFetchedOnOpen } from '../data/useFetchedOnOpen';

export interface Coverage {
  matrix: CoverageMatrix | null;
  failed: boolean;
  reload: () => void;
}

export function useCoverage(): Coverage {
  const { value, failed, reload } = useFetchedOnOpen(() => getApi().getCoverage({}), 'Could not build the coverage matrix');
  return { matrix: value, failed, reload };
}
