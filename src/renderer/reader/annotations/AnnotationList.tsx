/**
 * The article's annotations in text order, as buttons (tag chip + excerpt of
 * the quoted text). Picking one shows it in the text and opens its panel.
 * "One line each" (on by default, remembered) shows each annotation on one
 * line, cut short; the current one is shown in full. Creator, attributes and
 * note stay in each button's name.
 */
import { useMemo, useState } from 'react';
import { filterRows } from '../../../shared/search/annotationTable';
import type { Annotation, Tag } from '../../../shared/model/model';
import { AnnotationListFilter, NO_FILTER, isFiltering, listFilterQuery, type ListFilter } from './AnnotationListFilter';
import { AttributeLine } from './AttributeLine';
import { excerpt } from '../../components/excerpt';
import { TagChip } from '../../components/TagChip';
import { tagLookup } from '../../data/tagLookup';
import { useVirtualRows } from '../../components/useVirtualRows';
import { useCompactList } from './useCompactList';
import { formatCount } from '../../components/formatCount';

export interface AnnotationListProps {
  annotations: readonly Annotation[];
  codebook: readonly Tag[];
  activeId: string | null;
  level: 2 | 3;
  /** Names the landmark: "Annotations" alone, or "Annotations: <context>"
   * where several lists share a page (side by side). */
  context?: string;
  onPick: (id: string) => void;
}

export function AnnotationList({ annotations: all, codebook, activeId, level, context, onPick }: AnnotationListProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  // The filters (issue 4): the list below shows only what passes them.
  const [filter, setFilter] = useState<ListFilter>(NO_FILTER);
  const [compact, toggleCompact] = useCompactList();
  const filtering = isFiltering(filter);
  const annotations = useMemo(() => (filtering ? filterRows(all, listFilterQuery(filter)) : all), [all, filter, filtering]);
  // Long lists draw only the items in view (see useVirtualRows); 6 px is the list's CSS gap.
  const virtual = useVirtualRows<HTMLOListElement>(annotations.length, (i) => annotations[i]?.id ?? String(i), 64, 6);
  const keys = codebook
    .filter((t) => t.key !== null)
    .map((t) => t.key)
    .join(', ');
  return (
    <aside className={`annotation-list${compact ? ' annotation-list--compact' : ''}`} aria-label={context ? `Annotations: ${context}` : 'Annotations'}>
      <div className="annotation-list__head">
        <Heading className="annotation-list__title">
          Annotations <span className="count">{filtering ? `${formatCount(annotations.length)} of ${formatCount(all.length)}` : formatCount(all.length)}</span>
        </Heading>
        {all.length > 0 ? (
          <button type="button" className="toggle-button annotation-list__compact" aria-pressed={compact} onClick={toggleCompact}>
            One line each
          </button>
        ) : null}
      </div>
      {all.length > 1 ? <AnnotationListFilter codebook={codebook} filter={filter} onChange={setFilter} /> : null}
      {all.length > 0 && annotations.length === 0 ? (
        <p className="annotation-list__empty">No annotation matches the filter.</p>
      ) : annotations.length === 0 ? (
        <p className="annotation-list__empty">
          None yet. Select a passage in the text, then pick a tag in the toolbar
          {keys ? ` or press ${keys}` : ''}.
        </p>
      ) : (
        <ol className="annotation-list__items" ref={virtual.listRef}>
          {virtual.padding.top > 0 ? <li aria-hidden="true" className="virtual-spacer" style={{ height: virtual.padding.top }} /> : null}
          {virtual.rows.map(({ index }) => annotations[index]!).map((a, i) => (
            <li
              key={a.id}
              ref={virtual.measureRef}
              data-index={virtual.rows[i]!.index}
              aria-posinset={virtual.rows[i]!.index + 1}
              aria-setsize={annotations.length}
            >
              <button
                type="button"
                className="annotation-item"
                aria-current={a.id === activeId ? 'true' : undefined}
                onClick={() => onPick(a.id)}
              >
                <TagChip tag={tagLookup(codebook, a.tagId)} />
                <span className="visually-hidden">: </span>
                <span className="annotation-item__text">{excerpt(a.exact, 140)}</span>
                <span className="annotation-item__details">
                  <span className="annotation-creator">
                    <span className="visually-hidden">, </span>by {a.creator || 'unknown'}
                  </span>
                  <AttributeLine tag={tagLookup(codebook, a.tagId)} values={a.attributes} />
                  {a.note ? (
                    <span className="annotation-item__note">
                      <span className="visually-hidden">Note: </span>
                      {excerpt(a.note, 80)}
                    </span>
                  ) : null}
                </span>
              </button>
            </li>
          ))}
          {virtual.padding.bottom > 0 ? <li aria-hidden="true" className="virtual-spacer" style={{ height: virtual.padding.bottom }} /> : null}
        </ol>
      )}
    </aside>
  );
}
