/**
 * The selected suggestion: its tag, the suggested text, who said it and the
 * attribution words (for a quote), or the quote it credits (for a source),
 * with "Accept suggestion" (key a) and "Reject suggestion" (key r). A
 * non-modal `<section>` named "Suggestion"; it never takes the focus from the
 * text, so n / p / a / r keep working there. Escape closes it.
 *
 * For a Quote or Source, a field holds who is credited (labelled as the
 * codebook names the attribute it fills: a Quote's "Speaker", a Source's
 * "Name", see creditedFieldLabel): the detected
 * name, which the researcher can change before accepting — picked from the
 * people index (the field suggests its names as one types) or typed new;
 * Enter in the field accepts with that speaker. "Why" says how the detected
 * one was found ("‘he’ → Boris Bondarev, named two sentences earlier").
 */
import { useEffect, useId, useState, type CSSProperties, type FormEvent, type KeyboardEvent } from 'react';
import type { Suggestion } from '../../../shared/crossArticle/crossArticle';
import type { Tag } from '../../../shared/model/model';
import { excerpt } from '../../components/excerpt';
import { TagChip } from '../../components/TagChip';
import { tagLookup } from '../../data/tagLookup';
import { formatCount } from '../../components/formatCount';
import { creditedFieldLabel } from './creditedFieldLabel';

export interface SuggestionPanelProps {
  suggestion: Suggestion;
  /** 1-based place of the suggestion among the pending ones. */
  position: number;
  total: number;
  /** For a source suggestion: the quote suggestion it credits, when still pending. */
  credits: Suggestion | null;
  codebook: readonly Tag[];
  level: 2 | 3;
  /** `speaker`: the speaker the researcher chose, when it differs from the detected one. */
  onAccept: (speaker?: string) => void;
  /** The people index's canonical names, offered in the speaker field. */
  speakerNames?: readonly string[];
  onReject: () => void;
  onClose: () => void;
}

export function SuggestionPanel(props: SuggestionPanelProps) {
  const { suggestion, position, total, credits, codebook, level, onAccept, onReject, onClose, speakerNames = [] } = props;
  const headingId = useId();
  const speakerId = useId();
  const namesId = useId();
  const [speaker, setSpeaker] = useState(suggestion.speaker ?? '');
  useEffect(() => setSpeaker(suggestion.speaker ?? ''), [suggestion.id, suggestion.speaker]);
  const credited = suggestion.tagId === 'quote' || suggestion.tagId === 'source';
  const chosen = speaker.trim();
  const accept = () => onAccept(credited && chosen && chosen !== (suggestion.speaker ?? '') ? chosen : undefined);
  const onSpeakerSubmit = (event: FormEvent) => {
    event.preventDefault();
    accept();
  };
  const tag = tagLookup(codebook, suggestion.tagId);
  const Heading = level === 2 ? 'h2' : 'h3';
  const creditedLabel = creditedFieldLabel(tag);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const field = (event.target as HTMLElement).closest('input, textarea, select');
    if (field) return;
    if (event.key === 'Escape') onClose();
    else if (event.key === 'a') accept();
    else if (event.key === 'r') onReject();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const details: [string, string][] = [];
  if (suggestion.speaker && !credited) details.push(['Speaker', suggestion.speaker]);
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
          {formatCount(position)} of {formatCount(total)}
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
      {credited ? (
        <form className="suggestion-panel__speaker" onSubmit={onSpeakerSubmit}>
          <label htmlFor={speakerId}>{creditedLabel}</label>
          <input
            id={speakerId}
            list={namesId}
            value={speaker}
            maxLength={200}
            placeholder={`No ${creditedLabel.toLowerCase()} found: type or pick one`}
            onChange={(e) => setSpeaker(e.target.value)}
            aria-describedby={chosen !== (suggestion.speaker ?? '') && chosen ? `${speakerId}-changed` : undefined}
          />
          <datalist id={namesId}>
            {speakerNames.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          {chosen && chosen !== (suggestion.speaker ?? '') ? (
            <p id={`${speakerId}-changed`} className="suggestion-panel__changed">
              Accepting credits {chosen}
              {suggestion.speaker ? ` instead of ${suggestion.speaker}` : ''}.
            </p>
          ) : null}
        </form>
      ) : null}
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
        <button type="button" className="primary-button" onClick={accept} aria-keyshortcuts="a">
          Accept suggestion <kbd aria-hidden="true">a</kbd>
        </button>
        <button type="button" className="secondary-button" onClick={onReject} aria-keyshortcuts="r">
          Reject suggestion <kbd aria-hidden="true">r</kbd>
        </button>
      </div>
    </section>
  );
}
