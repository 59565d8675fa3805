/**
 * Commands for the article view that has the keyboard (the reader, or the
 * side-by-side column holding the focus), sent by the global shortcuts:
 * move between annotations, show or hide the side panels, step through
 * search hits.
 */
import { useEffect, useRef } from 'react';

export type ReaderCommand = 'nextAnnotation' | 'previousAnnotation' | 'nextHit' | 'previousHit';

const EVENT = 'triangulate:reader-command';

export function runReaderCommand(command: ReaderCommand): void {
  window.dispatchEvent(new CustomEvent<ReaderCommand>(EVENT, { detail: command }));
}

export function useReaderCommand(handler: (command: ReaderCommand) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener = (event: Event) => latest.current((event as CustomEvent<ReaderCommand>).detail);
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, []);
}
