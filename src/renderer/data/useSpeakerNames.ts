/**
 * The canonical names of the people index (listEntities), for picking a
 * speaker on a card: fetched once `wanted` turns true (a suggestion or an
 * annotation card is open), and again after an undo or redo. A failure
 * leaves the list empty — the field still takes any name typed.
 */
import { useEffect, useState } from 'react';
import { getApi } from '../api/getApi';
import { useDataChanged } from '../app/dataChanged';

export function useSpeakerNames(wanted: boolean): readonly string[] {
  const [names, setNames] = useState<readonly string[] | null>(null);
  useDataChanged(() => setNames(null));
  useEffect(() => {
    if (!wanted || names !== null) return;
    let live = true;
    getApi()
      .listEntities({})
      .then(
        ({ entities }) => live && setNames([...new Set(entities.map((e) => e.name))].sort((a, b) => a.localeCompare(b))),
        () => live && setNames([]),
      );
    return () => {
      live = false;
    };
  }, [wanted, names]);
  return names ?? [];
}
