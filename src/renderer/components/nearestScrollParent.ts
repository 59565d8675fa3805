/**
 * The element that scrolls a long list: the nearest ancestor whose vertical
 * overflow is auto or scroll (the library scrolls in the app's main area, an
 * article's annotation list in its side column). Falls back to the
 * document's scrolling element. `overflowOf` is injectable for tests.
 */
export interface ScrollCandidate {
  parentElement: ScrollCandidate | null;
}

export function nearestScrollParent<E extends ScrollCandidate>(
  el: E | null,
  overflowOf: (el: E) => string = (e) => getComputedStyle(e as unknown as Element).overflowY,
  fallback: E | null = (typeof document === 'undefined' ? null : (document.scrollingElement as unknown as E | null)),
): E | null {
  for (let p = el?.parentElement as E | null; p; p = p.parentElement as E | null) {
    const overflow = overflowOf(p);
    if (overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay') return p;
  }
  return fallback;
}
