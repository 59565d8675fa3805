/**
 * Above the article text when the reader was opened from a search: which hit
 * is shown of how many, previous and next (also F3 and Shift+F3), and a
 * button that takes the highlights away.
 */
import { formatCount } from '../components/formatCount';

export interface SearchHitsBarProps {
  query: string;
  count: number;
  current: number;
  onStep: (direction: 1 | -1) => void;
  onClose: () => void;
}

export function SearchHitsBar({ query, count, current, onStep, onClose }: SearchHitsBarProps) {
  return (
    <div className="search-hits-bar" role="group" aria-label="Search hits">
      <p className="search-hits-bar__count" role="status">
        {count === 0 ? `No hits for “${query}” here.` : `Hit ${formatCount(current + 1)} of ${formatCount(count)} for “${query}”`}
      </p>
      <button type="button" onClick={() => onStep(-1)} disabled={count < 2}>
        Previous hit
      </button>
      <button type="button" onClick={() => onStep(1)} disabled={count < 2}>
        Next hit
      </button>
      <button type="button" onClick={onClose}>
        Clear highlights
      </button>
    </div>
  );
}
