/**
 * The suggestions block of an article's side panel: how many are pending, the
 * keys that work in the text, "Accept all suggestions" and "Reject all
 * suggestions" (both ask first: accepting makes annotations of every one,
 * rejected suggestions do not come back), and a status line saying what the
 * last decision did.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { formatCount } from '../../components/formatCount';

export interface SuggestionSummaryProps {
  count: number;
  /** Side by side columns: a one-line hint without the explanation. */
  compact: boolean;
  level: 2 | 3;
  /** What the last decision did ("Accepted 1 suggestion."), announced politely. */
  message: string;
  onAcceptAll: () => void;
  onRejectAll: () => void;
}

export function SuggestionSummary({ count, compact, level, message, onAcceptAll, onRejectAll }: SuggestionSummaryProps) {
  const headingId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  const [confirming, setConfirming] = useState<'accept' | 'reject' | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (count === 0) setConfirming(null);
  }, [count]);

  return (
    <section className="suggestion-summary" aria-labelledby={headingId}>
      <Heading id={headingId} className="annotation-list__title">
        Suggestions <span className="count">{formatCount(count)}</span>
      </Heading>
      {count === 0 ? (
        <p className="suggestion-summary__hint">No pending suggestions.</p>
      ) : (
        <>
          <p className="suggestion-summary__hint">
            {compact ? null : 'Detected quotes and their sources are drawn dashed. '}
            In the text: <kbd>n</kbd> / <kbd>p</kbd> next / previous, <kbd>a</kbd> accept, <kbd>r</kbd> reject.
          </p>
          <div className="suggestion-summary__actions">
            <button type="button" className="secondary-button" aria-expanded={confirming === 'accept'} onClick={() => setConfirming('accept')}>
              Accept all suggestions
            </button>
            <button type="button" className="secondary-button" aria-expanded={confirming === 'reject'} onClick={() => setConfirming('reject')}>
              Reject all suggestions
            </button>
          </div>
          {confirming === 'accept' ? (
            <div className="suggestion-summary__confirm" role="group" aria-label="Confirm accepting all suggestions">
              <p>
                Accept all {formatCount(count)}? Each becomes an annotation (undo takes them back).
              </p>
              <button
                ref={confirmRef}
                type="button"
                className="primary-button"
                onClick={() => {
                  setConfirming(null);
                  onAcceptAll();
                }}
              >
                Yes, accept all {formatCount(count)}
              </button>
              <button type="button" className="secondary-button" onClick={() => setConfirming(null)}>
                Not now
              </button>
            </div>
          ) : null}
          {confirming === 'reject' ? (
            <div className="suggestion-summary__confirm" role="group" aria-label="Confirm rejecting all suggestions">
              <p>
                Reject all {formatCount(count)}? Rejected suggestions are not offered again.
              </p>
              <button
                ref={confirmRef}
                type="button"
                className="danger-button"
                onClick={() => {
                  setConfirming(null);
                  onRejectAll();
                }}
              >
                Yes, reject all {formatCount(count)}
              </button>
              <button type="button" className="secondary-button" onClick={() => setConfirming(null)}>
                Keep them
              </button>
            </div>
          ) : null}
        </>
      )}
      <p className="suggestion-summary__status" role="status">
        {message}
      </p>
    </section>
  );
}
