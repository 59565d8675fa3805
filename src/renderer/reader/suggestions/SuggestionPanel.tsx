/**
 * The selected suggestion: its tag, the suggested text, who said it and the
 * attribution words (for a quote), or the quote it credits (for a source),
 * with "Accept suggestion" (key a) and "Reject suggestion" (key r). A
 * non-modal `<section>` named "Suggestion"; it never takes the focus from the
 * text, so n / p / a / r keep working there. Escape closes it.
 */
import { useId, type CSSProperties, type KeyboardEvent } from 'react';
import type { Suggestion } from '../../../shared/crossArticle/crossArticle';
import type { Tag } from '../../../shared/model/model';
import { excerpt } from '../../components/excerpt';
import { TagChip } from '../../components/TagChip';
import { tagLookup } from '../../data/tagLookup';

export interface SuggestionPanelProps {
  suggestion: Suggestion;
  /** 1-based place of the suggestion among the pending ones. */
  position: number;
  total: number;
  /** For a source suggestion: the quote suggestion it credits, when still pending. */
  credits: Suggestion | null;
  codebook: readonly Tag[];
  level: 2 | 3;
  onAccept: () => void;
  onReject: () => void;
  onClose: () => void;
}

export function SuggestionPanel(props: SuggestionPanelProps) {
  const { suggestion, position, total, credits, codebook, level, onAccept, onReject, onClose } = props;
  const headingId = useId();
  const tag = tagLookup(codebook, suggestion.tagId);
  const Heading = level === 2 ? 'h2' : 'h3';

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const field = (event.target as HTMLElement).closest('input, textarea, select');
    if (field) return;
    if (event.key === 'Escape') onClose();
    else if (event.key === 'a') onAccept();
    else if (event.key === 'r') onReject();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const details: [string, string][] = [];
  if (suggestion.speaker) details.push(['Speaker', suggestion.speaker]);
  if (suggestion.cue) details.push(['Cue', suggestion.cue]);
  if (suggestion.why) details.push(['Why', suggestion.why]);
  if (suggestion.speech === false) details.push(['Note', 'Likely not speech (a scare quote or a name in quotation marks)']);
  if (credits) details.push(['Credits', `“${excerpt(credits.exact, 90)}”`]);

  return (
    <section className="suggestion-panel" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <div className="annotation-panel__head">
        <Heading id={headingId} className="annotation-panel__title">
          Suggestion
        </Heading>
        <span className="suggestion-panel__position" role="status">
          {position} of {total}
        </span>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close suggestion" title="Close (Esc)">
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <figure className="suggestion-panel__quote" style={{ '--tri-tag': tag.color } as CSSProperties}>
        <figcaption>
          <TagChip tag={tag} /> <span className="muted">suggested</span>
        </figcaption>
        <blockquote>{suggestion.exact}</blockquote>
      </figure>
      {details.length > 0 ? (
        <dl className="suggestion-panel__details">
          {details.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <div className="suggestion-panel__actions">
        <button type="button" className="primary-button" onClick={onAccept} aria-keyshortcuts="a">
          Accept suggestion <kbd aria-hidden="true">a</kbd>
        </button>
        <button type="button" className="secondary-button" onClick={onReject} aria-keyshortcuts="r">
          Reject suggestion <kbd aria-hidden="true">r</kbd>
        </button>
      </div>
    </section>
  );
}
