/**
 * Performance marks the app sets so speed can be measured in a real browser
 * (npm run bench reads them through Playwright with
 * `performance.getEntriesByName`). `markAfterPaint` marks once the frame that
 * shows the change has been painted: the next animation frame, then a task
 * right after it. A mark's `detail` says what was drawn (e.g. how many
 * annotations).
 */
import { useEffect } from 'react';
import { afterNextPaint } from '../components/afterNextPaint';

export const PERF_MARKS = {
  /** The library list is on screen (rows drawn). */
  libraryVisible: 'tri:library-visible',
  /** An article's text and its annotation highlights are on screen; detail: { articleId, annotations }. */
  highlightsDrawn: 'tri:highlights-drawn',
  /** The user tagged a passage (before the annotation is saved). */
  tagRequested: 'tri:tag-requested',
  /** The new annotation came back from the core, saved. */
  annotationSaved: 'tri:annotation-saved',
  /** A measure: highlights were drawn (the annotation layer took new ones, or a passage being saved was drawn over the text). */
  highlightsUpdate: 'tri:highlights-update',
} as const;

export function markAfterPaint(name: string, detail?: unknown): void {
  if (typeof performance === 'undefined' || typeof requestAnimationFrame === 'undefined') return;
  void afterNextPaint().then(() => performance.mark(name, { detail }));
}

export function markNow(name: string, detail?: unknown): void {
  if (typeof performance !== 'undefined') performance.mark(name, { detail });
}

/** Records a performance measure from `start` (a performance.now() time) until now. */
export function measureSince(name: string, start: number): void {
  if (typeof performance !== 'undefined') performance.measure(name, { start, end: performance.now() });
}

/** Marks `name` after the paint that follows each render where `ready` holds and `version` changed. */
export function usePaintMark(name: string, ready: boolean, version: unknown, detail?: unknown): void {
  useEffect(() => {
    if (ready) markAfterPaint(name, detail);
    // detail describes the render; a new mark only when version changes.
  }, [name, ready, version]);
}
