/**
 * Virtualises a long list (the library's rows, an article's annotations)
 * with @tanstack/react-virtual: only the rows in view (plus a few either side)
 * are in the DOM; spacers above and below keep the full height, so the list
 * scrolls as if every row were there. The list scrolls with its nearest
 * scrolling ancestor (no box of its own), so the page looks as before; rows
 * may differ in height (each drawn row is measured). With a CSS gap between
 * rows, pass it as `gap`: the spacers leave room for the gaps beside them.
 * Attach `listRef` to the list element and `measureRef` + `data-index` to
 * each drawn row. Nothing here reads styles or forces a layout while React
 * renders: the scroll element and the list's place in it are looked up in the
 * next animation frame (until then the first screenful of rows is drawn).
 */
import { useVirtualizer, type VirtualItem, type Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { nearestScrollParent } from './nearestScrollParent';
import { virtualPadding } from './virtualPadding';

export interface VirtualRows<E extends HTMLElement> {
  listRef: RefObject<E | null>;
  rows: VirtualItem[];
  padding: { top: number; bottom: number };
  measureRef: (el: Element | null) => void;
  virtualizer: Virtualizer<HTMLElement, Element>;
}

export function useVirtualRows<E extends HTMLElement>(
  count: number,
  /** The row's key for the measured heights (kept across renders: a new function places every row again). */
  keyOf: (index: number) => string | number,
  estimatedRowHeight: number,
  /** Space between rows (a flex or grid gap in the list's CSS), in px. */
  gap = 0,
): VirtualRows<E> {
  const listRef = useRef<E | null>(null);
  // The scroll element found for which list element (styles are read once per list element).
  const found = useRef<{ list: HTMLElement | null; scroll: HTMLElement | null }>({ list: null, scroll: null });
  const [scrollElement, setScrollElement] = useState<HTMLElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);

  const virtualizer = useVirtualizer<HTMLElement, Element>({
    count,
    getScrollElement: () => scrollElement,
    getItemKey: keyOf,
    estimateSize: () => estimatedRowHeight,
    // Sizes come from the ResizeObserver (after layout); a row just drawn keeps its last known
    // size meanwhile, instead of the default getBoundingClientRect that forces a layout mid-render.
    measureElement: (el, entry, instance) => {
      const box = entry?.borderBoxSize?.[0];
      if (box) return Math.round(box.blockSize);
      return instance.measurementsCache[instance.indexFromElement(el)]?.size ?? estimatedRowHeight;
    },
    overscan: 6,
    gap,
    scrollMargin,
    // Before the scroll element is measured, draw a screenful rather than nothing.
    initialRect: { width: 0, height: typeof window === 'undefined' ? 800 : window.innerHeight },
    useFlushSync: false,
  });

  // The scroll element, and where the list starts inside it (what sits above it may change).
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const list = listRef.current;
      if (found.current.list !== list || !found.current.scroll) found.current = { list, scroll: nearestScrollParent<HTMLElement>(list) };
      const scroll = found.current.scroll;
      setScrollElement(scroll);
      if (!list || !scroll) return;
      const listTop = list.getBoundingClientRect().top;
      const margin =
        scroll === document.scrollingElement
          ? listTop + window.scrollY
          : listTop - scroll.getBoundingClientRect().top + scroll.scrollTop;
      setScrollMargin((old) => (Math.abs(margin - old) > 0.5 ? margin : old));
    });
    return () => cancelAnimationFrame(frame);
  });

  const rows = virtualizer.getVirtualItems();
  return {
    listRef,
    rows,
    padding: virtualPadding(rows, virtualizer.getTotalSize(), scrollMargin, gap),
    measureRef: virtualizer.measureElement,
    virtualizer,
  };
}
