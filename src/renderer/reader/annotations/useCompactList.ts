/**
 * Whether annotation lists show one line per annotation (issue 18): on by
 * default, remembered in the window's local storage for every list.
 */
import { useCallback, useState } from 'react';

const KEY = 'triangulate.annotationList.oneLine';

function readStored(): boolean {
  try {
    return window.localStorage.getItem(KEY) !== 'false';
  } catch {
    return true;
  }
}

export function useCompactList(): [boolean, () => void] {
  const [compact, setCompact] = useState(readStored);
  const toggle = useCallback(() => {
    setCompact((was) => {
      try {
        window.localStorage.setItem(KEY, String(!was));
      } catch {
        // Not remembered; the toggle still works here.
      }
      return !was;
    });
  }, []);
  return [compact, toggle];
}
