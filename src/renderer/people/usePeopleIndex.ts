/**
 * The people-and-organisations index (listEntities), fetched when the People
 * screen opens and after an undo or redo; a correction's answer replaces it.
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../shared/contract/contract';
import { getApi } from '../api/getApi';
import { useFetchedOnOpen } from '../data/useFetchedOnOpen';

export type PeopleIndex = Output<'listEntities'>;

export interface PeopleIndexState {
  index: PeopleIndex | null;
  failed: boolean;
  reload: () => void;
  /** Puts a correction's answer in place of the index. */
  replace: (index: PeopleIndex) => void;
}

export function usePeopleIndex(): PeopleIndexState {
  const { value, failed, reload } = useFetchedOnOpen(() => getApi().listEntities({}), 'Could not list the people and organisations');
  const [index, setIndex] = useState<PeopleIndex | null>(value);
  useEffect(() => setIndex(value), [value]);
  return { index, failed, reload, replace: setIndex };
}
