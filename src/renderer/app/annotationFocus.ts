/**
 * Asks the article view showing an article to show one of its annotations
 * (scroll to it, flash it, open its panel), once it has it: after an undo or
 * redo brought it back. `requestAnnotationFocus` returns whether a view of
 * that article is on screen to take the request.
 */
import { useEffect, useRef } from 'react';

export interface AnnotationFocus {
  articleId: string;
  annotationId?: string;
}

const EVENT = 'triangulate:focus-annotation';

export function requestAnnotationFocus(focus: AnnotationFocus): boolean {
  const event = new CustomEvent<AnnotationFocus & { taken: boolean }>(EVENT, { detail: { ...focus, taken: false } });
  window.dispatchEvent(event);
  return event.detail.taken;
}

/**
 * For an article view: remembers a request for `articleId` and calls `show`
 * once `annotationIds` holds the annotation (a reload may still be on its way).
 */
export function useAnnotationFocusRequest(articleId: string, annotationIds: readonly string[], show: (annotationId: string) => void): void {
  const pending = useRef<string | null>(null);
  const showRef = useRef(show);
  showRef.current = show;
  useEffect(() => {
    const listener = (event: Event) => {
      const detail = (event as CustomEvent<AnnotationFocus & { taken: boolean }>).detail;
      if (detail.articleId !== articleId) return;
      detail.taken = true;
      pending.current = detail.annotationId ?? null;
    };
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, [articleId]);
  useEffect(() => {
    const id = pending.current;
    if (id && annotationIds.includes(id)) {
      pending.current = null;
      showRef.current(id);
    }
  });
}
