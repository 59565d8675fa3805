/**
 * One coverage cell that an article carries: a button per member annotation
 * that opens the reader there. The button shows a mark in its tag colour,
 * the paragraph ("¶3"), the wording cut to three lines, the credit
 * (speaker · channel) and the drift from the row's reference. The full
 * wording, the attribution words and the drift show in a tooltip on hover
 * and on keyboard focus (anchored to the button, so the table's scroller
 * never clips it; Escape hides it), and are the button's description for
 * screen readers.
 */
import { useId, useState, type CSSProperties } from 'react';
import type { CoverageCell } from '../../shared/crossArticle/crossArticle';
import type { Tag } from '../../shared/model/model';
import { excerpt } from '../components/excerpt';
import { tagLookup } from '../data/tagLookup';
import { creditText, driftText } from './coverageCellText';

export interface CoverageCellButtonsProps {
  cells: readonly CoverageCell[];
  codebook: readonly Tag[];
  onOpen: (annotationId: string) => void;
  /** The annotation a single-annotation row is about: its cell is outlined and says so. */
  ownAnnotationId?: string;
}

const isQuoteTag = (tag: Tag) => tag.id === 'quote' || /^quotes?$/i.test(tag.name.trim());

export function CoverageCellButtons({ cells, codebook, onOpen, ownAnnotationId }: CoverageCellButtonsProps) {
  const baseId = useId();
  const [dismissed, setDismissed] = useState<string | null>(null);
  return (
    <div className="coverage-cell">
      {cells.map((cell, i) => {
        const tag = tagLookup(codebook, cell.tagId);
        const tipId = `${baseId}-${i}`;
        const anchor = `--tri-cell${tipId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
        const credit = creditText(cell);
        const drift = driftText(cell.drift);
        // The matrix read the credit (the keys are there) and found none: worth a mark on a quote.
        const uncredited = credit === null && cell.channel !== undefined && isQuoteTag(tag);
        const driftClass = cell.drift?.reference ? ' is-reference' : cell.drift && !/^Same/.test(drift ?? '') ? ' is-drifted' : '';
        return (
          <span
            key={cell.annotationId}
            className={dismissed === cell.annotationId ? 'coverage-cell__item is-dismissed' : 'coverage-cell__item'}
            onMouseLeave={() => setDismissed(null)}
          >
            <button
              type="button"
              className={cell.annotationId === ownAnnotationId ? 'coverage-cell__button is-own' : 'coverage-cell__button'}
              style={{ '--tri-tag': tag.color, anchorName: anchor } as CSSProperties}
              aria-label={`${tag.name}, paragraph ${cell.paragraph}: open in the reader`}
              aria-describedby={tipId}
              onClick={() => onOpen(cell.annotationId)}
              onKeyDown={(e) => e.key === 'Escape' && setDismissed(cell.annotationId)}
              onBlur={() => setDismissed(null)}
            >
              <span className="coverage-cell__head" aria-hidden="true">
                <span className="coverage-cell__mark" />
                <span>¶{cell.paragraph}</span>
                {cell.annotationId === ownAnnotationId ? <span className="coverage-cell__own">This row</span> : null}
                {drift ? <span className={`coverage-cell__drift${driftClass}`}>{drift}</span> : null}
              </span>
              <span className="coverage-cell__text" aria-hidden="true">
                “{excerpt(cell.exact, 160)}”
              </span>
              {credit ? (
                <span className="coverage-cell__by" aria-hidden="true">
                  {credit}
                </span>
              ) : uncredited ? (
                <span className="coverage-cell__by coverage-cell__by--none" aria-hidden="true">
                  No credit found
                </span>
              ) : null}
            </button>
            <span id={tipId} role="tooltip" className="coverage-cell__tip" style={{ positionAnchor: anchor } as CSSProperties}>
              {cell.annotationId === ownAnnotationId ? <span className="coverage-cell__credit">The annotation this row is about</span> : null}
              <span className="coverage-cell__wording">“{excerpt(cell.exact, 600)}”</span>
              {cell.speaker || cell.cue ? (
                <span className="coverage-cell__credit">
                  {[cell.speaker, cell.cue && cell.cue !== cell.speaker ? `(${cell.cue})` : null].filter(Boolean).join(' ')}
                </span>
              ) : null}
              {cell.creditedTo ? <span className="coverage-cell__credit">Credited to {excerpt(cell.creditedTo, 80)}</span> : null}
              {uncredited ? <span className="coverage-cell__credit">No credit found around the quote</span> : null}
              {drift ? <span className="coverage-cell__credit">Against the reference: {drift}</span> : null}
            </span>
          </span>
        );
      })}
    </div>
  );
}
