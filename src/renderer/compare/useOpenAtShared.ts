/**
 * Side by side opened from who copies whom: once the shared passages are in
 * and every column's text is laid out, selects the articles' longest shared
 * passage (longestSharedGroup) and scrolls each column to it — once per set
 * of articles. Columns still loading are waited for (up to ~10 s).
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { AlignedGroupResult } from '../../shared/crossArticle/crossArticle';
import type { ArticleViewHandle } from '../reader';
import { longestSharedGroup } from './longestSharedGroup';

export function useOpenAtShared(
  enabled: boolean,
  groups: readonly AlignedGroupResult[],
  articleIds: readonly string[],
  handles: RefObject<Map<string, ArticleViewHandle>>,
  select: (groupId: string, fromArticle: string, takeFocus: boolean) => void,
): void {
  const done = useRef('');
  useEffect(() => {
    const key = articleIds.join(',');
    if (!enabled || done.current === key) return;
    const group = longestSharedGroup(groups, articleIds);
    if (!group) return;
    let tries = 0;
    let timer = 0;
    const attempt = () => {
      const ready = articleIds.every((id) => handles.current?.get(id)?.scrollPlace([0]));
      if (!ready && ++tries < 100) {
        timer = window.setTimeout(attempt, 100);
        return;
      }
      done.current = key;
      select(group.id, articleIds[0]!, false);
      for (const id of articleIds) {
        const first = group.passages.find((p) => p.article === id);
        if (first) handles.current?.get(id)?.showRange(first.start, first.end);
      }
    };
    attempt();
    return () => window.clearTimeout(timer);
  }, [enabled, groups, articleIds, handles, select]);
}
