/**
 * The article view's keyboard navigation and search hits: j / k (or Alt+↓ /
 * Alt+↑) show the next or previous annotation and open its panel; when the
 * reader was opened from a search, every hit of the query is marked, the
 * current one scrolled to, and F3 / Shift+F3 or the bar's buttons step
 * through them; after an undo or redo the changed annotation is shown. In
 * side by side, the column holding the focus takes the keys.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { Annotation } from '../../shared/model/model';
import { useAnnotationFocusRequest } from '../app/annotationFocus';
import type { ArticleTextHandle } from './ArticleText';
import { useReaderCommand } from '../app/readerCommands';
import { SearchHitsBar } from './SearchHitsBar';
import type { TextRange } from './selectionRange';
import { adjacentSuggestion } from './suggestions/suggestionNavigation';
import { useArticleSearchHits } from './useArticleSearchHits';

export interface ArticleNavigationOptions {
  articleId: string;
  variant: 'reader' | 'column';
  rootRef: RefObject<HTMLElement | null>;
  /** Side by side: the drawer holding this column's panels while it is the active column. */
  sideRef?: RefObject<HTMLElement | null>;
  /** In text order. */
  annotations: readonly Annotation[];
  activeId: string | null;
  search: { query: string; at: number } | undefined;
  textRef: RefObject<ArticleTextHandle | null>;
  ready: boolean;
  onPick: (id: string) => void;
}

export interface ArticleNavigation {
  hits: readonly TextRange[];
  activeHit: number | null;
  hitsBar: ReactNode;
}

export function useArticleNavigation(options: ArticleNavigationOptions): ArticleNavigation {
  const { articleId, variant, rootRef, sideRef, annotations, activeId, search, textRef, ready, onPick } = options;
  const [cleared, setCleared] = useState<string | null>(null);
  const searchKey = search ? `${search.query}@${search.at}` : null;
  const shownSearch = search && cleared !== searchKey ? search : undefined;
  const { hits, current, step } = useArticleSearchHits(articleId, shownSearch);

  const ids = useMemo(() => annotations.map((a) => a.id), [annotations]);
  useAnnotationFocusRequest(articleId, ids, onPick);

  // The annotation last moved to, ahead of the re-render that makes it the active one (keys pressed quickly).
  const lastMoved = useRef<string | null>(null);
  useEffect(() => {
    lastMoved.current = activeId;
  }, [activeId]);

  const hasKeys = () =>
    variant === 'reader' || !!rootRef.current?.contains(document.activeElement) || !!sideRef?.current?.contains(document.activeElement);

  useReaderCommand((command) => {
    if (!hasKeys()) return;
    if (command === 'nextHit' || command === 'previousHit') {
      step(command === 'nextHit' ? 1 : -1);
      return;
    }
    const direction = command === 'nextAnnotation' ? 'next' : 'previous';
    const id = adjacentSuggestion(annotations, lastMoved.current, direction === 'next' ? 0 : Number.MAX_SAFE_INTEGER, direction);
    const target = annotations.find((a) => a.id === id);
    if (!target) return;
    lastMoved.current = target.id;
    onPick(target.id);
    textRef.current?.showRange(target.start, target.end, { caret: true });
  });

  const hit = hits[current];
  useEffect(() => {
    if (ready && hit) textRef.current?.showRange(hit.start, hit.end);
  }, [ready, hit, textRef]);

  const hitsBar =
    shownSearch && ready ? (
      <SearchHitsBar query={shownSearch.query} count={hits.length} current={current} onStep={step} onClose={() => setCleared(searchKey)} />
    ) : null;
  return { hits: shownSearch ? hits : [], activeHit: shownSearch && hits.length ? current : null, hitsBar };
}
