/**
 * The card a highlight shows while the pointer rests on it (issue 18): for
 * every annotation under the pointer, innermost first, its tag (with its
 * colour), who coded it, its note and its attribute values. It is a tooltip:
 * it takes no focus and the pointer passes through it; the panel (a click or
 * Enter) is where the annotation is edited. It stays inside the text column
 * (hoverCardPlace), never over the annotation panel beside it.
 */
import type { Annotation, Tag } from '../../../shared/model/model';
import { tagLookup } from '../../data/tagLookup';
import { attributeSummary } from '../../components/attributeSummary';

export interface HoverCardState {
  annotations: readonly Annotation[];
  /** Where to draw it, in window coordinates (under the hovered line, or above it near the bottom). */
  left: number;
  /** Its widest: the text column's width when that is under 320 px (see hoverCardPlace). */
  maxWidth: number;
  top: number;
  above: boolean;
}

export function HighlightHoverCard({ state, codebook }: { state: HoverCardState; codebook: readonly Tag[] }) {
  const style = state.above
    ? { left: state.left, maxWidth: state.maxWidth, bottom: window.innerHeight - state.top }
    : { left: state.left, maxWidth: state.maxWidth, top: state.top };
  return (
    <div className="hl-card" role="tooltip" style={style}>
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
