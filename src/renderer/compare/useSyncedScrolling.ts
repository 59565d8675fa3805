/**
 * Side by side's synchronised scrolling (a toggle, remembered in local
 * storage, off by default): scrolling one column scrolls the others so the
 * passages they share stay level as they pass a line a third of the way
 * down, or — with a shared passage selected — so that one stays level
 * wherever it is (see syncedScrollTop); selecting a passage (or switching
 * the toggle on) lines the other columns up at once. Scroll events the view causes
 * itself are told apart from the reader's by a short quiet time per column.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { ArticlePassage } from '../editor/sharedPassages/passagesByArticle';
import type { ArticleViewHandle } from '../reader';
import { syncedScrollTop, type ScrollAnchor } from './syncedScrollTop';

const STORAGE_KEY = 'triangulate.compare.syncScroll';
/** Scroll events on a column this soon after the view moved it are the view's own. */
const OWN_SCROLL_MS = 120;

function readStored(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'true';
  } catch {
    return false;
  }
}

interface Placed {
  scroller: HTMLElement;
  anchors: ScrollAnchor[];
}

export function useSyncedScrolling(options: {
  gridRef: RefObject<HTMLElement | null>;
  articleIds: readonly string[];
  handles: RefObject<Map<string, ArticleViewHandle>>;
  passages: ReadonlyMap<string, readonly ArticlePassage[]>;
  selectedGroupId: string | null;
}): [boolean, () => void, (fromArticle: string, force?: boolean) => void] {
  const [on, setOn] = useState(readStored);
  const latest = useRef(options);
  latest.current = options;
  const ownScroll = useRef(new WeakMap<HTMLElement, number>());

  const place = useCallback((articleId: string): Placed | null => {
    const { handles, passages } = latest.current;
    const firsts = new Map<string, number>();
    for (const p of passages.get(articleId) ?? []) if (!firsts.has(p.groupId)) firsts.set(p.groupId, p.start);
    const keys = [...firsts.keys()];
    const placed = handles.current?.get(articleId)?.scrollPlace(keys.map((k) => firsts.get(k)!));
    if (!placed) return null;
    const anchors: ScrollAnchor[] = [];
    keys.forEach((key, i) => {
      const y = placed.tops[i];
      if (y !== null && y !== undefined) anchors.push({ key, y });
    });
    return { scroller: placed.scroller, anchors };
  }, []);

  const syncFrom = useCallback(
    (driverId: string) => {
      const driver = place(driverId);
      if (!driver) return;
      const { scroller } = driver;
      const focalOffset = scroller.clientHeight / 3;
      const driverTop = scroller.getBoundingClientRect().top;
      for (const id of latest.current.articleIds) {
        if (id === driverId) continue;
        const other = place(id);
        if (!other) continue;
        const top = syncedScrollTop(
          { anchors: driver.anchors, scrollTop: scroller.scrollTop, focalOffset, alignKey: latest.current.selectedGroupId },
          { anchors: other.anchors, topDelta: other.scroller.getBoundingClientRect().top - driverTop },
        );
        if (Math.abs(other.scroller.scrollTop - top) < 1) continue;
        ownScroll.current.set(other.scroller, performance.now());
        other.scroller.scrollTo({ top, behavior: 'instant' });
      }
    },
    [place],
  );

  useEffect(() => {
    const grid = options.gridRef.current;
    if (!on || !grid) return;
    let frame = 0;
    let pending: string | null = null;
    const onScroll = (event: Event) => {
      const target = event.target;
      if (!(target instanceof HTMLElement) || !target.hasAttribute('data-scroll-container')) return;
      const movedAt = ownScroll.current.get(target);
      if (movedAt !== undefined && performance.now() - movedAt < OWN_SCROLL_MS) return;
      const { articleIds, handles } = latest.current;
      const driverId = articleIds.find((id) => handles.current?.get(id)?.scrollPlace([])?.scroller === target);
      if (!driverId) return;
      pending = driverId;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (pending) syncFrom(pending);
      });
    };
    grid.addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => {
      grid.removeEventListener('scroll', onScroll, { capture: true });
      if (frame) cancelAnimationFrame(frame);
    };
  }, [on, options.gridRef, syncFrom]);

  const toggle = useCallback(() => {
    setOn((was) => {
      try {
        window.localStorage.setItem(STORAGE_KEY, String(!was));
      } catch {
        // Not remembered; the toggle still works for this visit.
      }
      return !was;
    });
  }, []);

  /** Lines the other columns up on this one now (a passage was selected, or the toggle switched on). */
  const alignOn = useCallback(
    (fromArticle: string, force = false) => {
      if (on || force) requestAnimationFrame(() => syncFrom(fromArticle));
    },
    [on, syncFrom],
  );

  return [on, toggle, alignOn];
}
