/**
 * "The data changed behind your back": announced after an undo or redo (or
 * anything else that changes stored data without the screen that shows it
 * knowing), so every data hook showing one of the articles fetches it again.
 */
import { useEffect, useRef, useState } from 'react';

export interface DataChange {
  /** The articles whose annotations changed; groups and credits may have changed too. */
  articleIds: readonly string[];
}

const EVENT = 'triangulate:data-changed';

export function announceDataChanged(change: DataChange): void {
  window.dispatchEvent(new CustomEvent<DataChange>(EVENT, { detail: change }));
}

/** Calls `handler` on each announced change while the component is mounted. */
export function useDataChanged(handler: (change: DataChange) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener = (event: Event) => latest.current((event as CustomEvent<DataChange>).detail);
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, []);
}

/** A number that goes up with each announced change: as part of a key, it remounts fields that keep their own copy of stored data. */
export function useDataGeneration(): number {
  const [generation, setGeneration] = useState(0);
  useDataChanged(() => setGeneration((n) => n + 1));
  return generation;
}
