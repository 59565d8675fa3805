/**
 * The filters above an article's annotation list: words (in the quote, the
 * note or an attribute value), a tag, and an attribute with a value. The
 * list shows only the annotations passing all of them (filterRows, the same
 * matching as the corpus-wide table).
 */
import type { AnnotationTableQuery } from '../../../shared/search/annotationTable';
import type { Tag } from '../../../shared/model/model';
import { TagAttributeFilter } from '../../components/TagAttributeFilter';

export interface ListFilter {
  text: string;
  tagId: string;
  attributeId: string;
  value: string;
}

export const NO_FILTER: ListFilter = { text: '', tagId: '', attributeId: '', value: '' };

export function isFiltering(f: ListFilter): boolean {
  return f.text.trim() !== '' || f.tagId !== '' || f.attributeId !== '';
}

/** The filter as the shared table query. */
export function listFilterQuery(f: ListFilter): AnnotationTableQuery {
  return {
    text: f.text.trim() || undefined,
    tagIds: f.tagId ? [f.tagId] : undefined,
    attribute: f.attributeId ? { id: f.attributeId, value: f.value } : undefined,
  };
}

export interface AnnotationListFilterProps {
  codebook: readonly Tag[];
  filter: ListFilter;
  onChange: (filter: ListFilter) => void;
}

export function AnnotationListFilter({ codebook, filter, onChange }: AnnotationListFilterProps) {
  return (
    <div className="annotation-filter" role="search" aria-label="Filter the annotations">
      <label>
        Find
        <input type="search" value={filter.text} onChange={(e) => onChange({ ...filter, text: e.target.value })} />
      </label>
      <TagAttributeFilter codebook={codebook} choice={filter} onChange={(choice) => onChange({ ...filter, ...choice })} />
    </div>
  );
}
