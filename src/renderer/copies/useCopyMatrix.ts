/** Who copies whom over the library, fetched each time the screen opens (and after an undo or redo). */
import type { Output } from '../../shared/contract/contract';
import { getApi } from '../api/getApi';
import { useFetchedOnOpen } from '../data/useFetchedOnOpen';

export type CopyMatrixResult = Output<'getCopyMatrix'>;

export interface CopyMatrixState {
  matrix: CopyMatrixResult | null;
  failed: boolean;
  reload: () => void;
}

export function useCopyMatrix(): CopyMatrixState {
  const { value, failed, reload } = useFetchedOnOpen(() => getApi().getCopyMatrix({}), 'Could not work out who copies whom');
  return { matrix: value, failed, reload };
}
