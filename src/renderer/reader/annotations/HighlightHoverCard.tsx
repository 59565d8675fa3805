/**
 * The card a highlight shows while the pointer rests on it (issue 18): for
 * every annotation under the pointer, innermost first, its tag (with its
 * colour), who coded it, its note and its attribute values. It is a tooltip:
 * it takes no focus and the pointer passes through it; the panel (a click or
 * Enter) is where the annotation is edited. It stays inside the text column
 * (hoverCardPlace), never over the annotation panel beside it.
 */
import { useLayoutEffect, useRef } from 'react';
import type { Annotation, Tag } from '../../../shared/model/model';
import { hoverCardPlace } from './hoverCardPlace';
import { tagLookup } from '../../data/tagLookup';
import { attributeSummary } from '../../components/attributeSummary';

export interface HoverCardState {
  annotations: readonly Annotation[];
  /** Where to draw it, in window coordinates (under the hovered line, or above it near the bottom). */
  left: number;
  /** The text column's edges: the card stays between them (see hoverCardPlace). */
  column: { left: number; right: number };
  top: number;
  above: boolean;
}

export function HighlightHoverCard({ state, codebook }: { state: HoverCardState; codebook: readonly Tag[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const { left, maxWidth } = hoverCardPlace(state.left, 0, state.column, window.innerWidth);
  // Once drawn, its width is known: moved left as far as it must to end inside the column (before it is painted).
  useLayoutEffect(() => {
    const card = ref.current;
    if (card) card.style.left = `${hoverCardPlace(state.left, card.offsetWidth, state.column, window.innerWidth).left}px`;
  }, [state]);
  const style = state.above ? { left, maxWidth, bottom: window.innerHeight - state.top } : { left, maxWidth, top: state.top };
  return (
    <div className="hl-card" role="tooltip" style={style} ref={ref}>
      {state.annotations.map((a) => {
        const tag = tagLookup(codebook, a.tagId);
        const attributes = attributeSummary(tag, a.attributes);
        return (
          <div className="hl-card__item" key={a.id}>
            <p className="hl-card__head">
              <span className="hl-card__swatch" style={{ background: tag.color }} aria-hidden="true" />
              <strong>{tag.name}</strong>
              <span className="hl-card__coder">coded by {a.creator || 'unknown'}</span>
            </p>
            {a.note ? <p className="hl-card__note">{a.note}</p> : null}
            {attributes ? <p className="hl-card__attributes">{attributes}</p> : null}
            {!a.note && !attributes ? <p className="hl-card__empty">No note or attributes.</p> : null}
          </div>
        );
      })}
    </div>
  );
}
