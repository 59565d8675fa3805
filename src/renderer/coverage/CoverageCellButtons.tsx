/**
 * One coverage cell that an article carries: a button per member annotation
 * (a mark in its tag colour and its paragraph, "¶3") that opens the reader
 * there. The wording and who it is credited to show in a tooltip on hover
 * and on keyboard focus (anchored to the button, so the table's scroller
 * never clips it; Escape hides it), and are the button's description for
 * screen readers.
 */
import { useId, useState, type CSSProperties } from 'react';
import type { CoverageCell } from '../../shared/crossArticle/crossArticle';
import type { Tag } from '../../shared/model/model';
import { excerpt } from '../components/excerpt';
import { tagLookup } from '../data/tagLookup';

export interface CoverageCellButtonsProps {
  cells: readonly CoverageCell[];
  codebook: readonly Tag[];
  onOpen: (annotationId: string) => void;
}

export function CoverageCellButtons({ cells, codebook, onOpen }: CoverageCellButtonsProps) {
  const baseId = useId();
  const [dismissed, setDismissed] = useState<string | null>(null);
  return (
    <div className="coverage-cell">
      {cells.map((cell, i) => {
        const tag = tagLookup(codebook, cell.tagId);
        const tipId = `${baseId}-${i}`;
        const anchor = `--tri-cell${tipId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
        return (
          <span
            key={cell.annotationId}
            className={dismissed === cell.annotationId ? 'coverage-cell__item is-dismissed' : 'coverage-cell__item'}
            onMouseLeave={() => setDismissed(null)}
          >
            <button
              type="button"
              className="coverage-cell__button"
              style={{ '--tri-tag': tag.color, anchorName: anchor } as CSSProperties}
              aria-label={`${tag.name}, paragraph ${cell.paragraph}: open in the reader`}
              aria-describedby={tipId}
              onClick={() => onOpen(cell.annotationId)}
              onKeyDown={(e) => e.key === 'Escape' && setDismissed(cell.annotationId)}
              onBlur={() => setDismissed(null)}
            >
              <span className="coverage-cell__mark" aria-hidden="true" />
              <span aria-hidden="true">¶{cell.paragraph}</span>
            </button>
            <span id={tipId} role="tooltip" className="coverage-cell__tip" style={{ positionAnchor: anchor } as CSSProperties}>
              <span className="coverage-cell__wording">“{excerpt(cell.exact, 220)}”</span>
              {cell.creditedTo ? <span className="coverage-cell__credit">Credited to {excerpt(cell.creditedTo, 80)}</span> : null}
            </span>
          </span>
        );
      })}
    </div>
  );
}
