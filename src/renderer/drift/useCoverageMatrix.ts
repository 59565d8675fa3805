/** The coverage matrix quote drift is worked out from, fetched when the screen opens and again after an undo or redo. */
import type { CoverageMatrix } from '../../shared/crossArticle/crossArticle';
import { getApi } from '../api/getApi';
import { useFetchedOnOpen } from '../data/useFetchedOnOpen';

export function useCoverageMatrix(): { matrix: CoverageMatrix | null; failed: boolean; reload: () => void } {
  const { value, failed, reload } = useFetchedOnOpen(() => getApi().getCoverage({}), 'Could not read the groups for quote drift');
  return { matrix: value, failed, reload };
}
