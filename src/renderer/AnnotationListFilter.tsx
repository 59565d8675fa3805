/**
 * The filters above an article's annotation list: words (in the quote, the
 * note or an attribute value), a tag, and an attribute with a value. The
 * list shows only the annotations passing all of them (filterRows, the same
 * matching as the corpus-wide table).
 */
import { useMemo } from 'react';
import type { AnnotationTableQuery } from '../shared/annotationTable';
import type { Tag } from '../shared/model';

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
  const attributes = useMemo(() => {
    const seen = new Map<string, Tag['attributes'][number]>();
    for (const tag of codebook) {
      if (filter.tagId && tag.id !== filter.tagId) continue;
      for (const a of tag.attributes ?? []) if (!seen.has(a.id)) seen.set(a.id, a);
    }
    return [...seen.values()];
  }, [codebook, filter.tagId]);
  const attribute = attributes.find((a) => a.id === filter.attributeId);
  return (
    <div className="annotation-filter" role="search" aria-label="Filter the annotations">
      <label>
        Find
        <input type="search" value={filter.text} onChange={(e) => onChange({ ...filter, text: e.target.value })} />
      </label>
      <label>
        Tag
        <select value={filter.tagId} onChange={(e) => onChange({ ...filter, tagId: e.target.value, attributeId: '', value: '' })}>
          <option value="">Any</option>
          {codebook.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      {attributes.length > 0 ? (
        <label>
          Attribute
          <select value={filter.attributeId} onChange={(e) => onChange({ ...filter, attributeId: e.target.value, value: '' })}>
            <option value="">Any</option>
            {attributes.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {attribute ? (
        <label>
          {attribute.name} is
          {attribute.type === 'choice' || attribute.type === 'boolean' ? (
            <select value={filter.value} onChange={(e) => onChange({ ...filter, value: e.target.value })}>
              <option value="">any value</option>
              {(attribute.type === 'boolean' ? ['yes', 'no'] : attribute.options).map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          ) : (
            <input type="search" value={filter.value} onChange={(e) => onChange({ ...filter, value: e.target.value })} />
          )}
        </label>
      ) : null}
    </div>
  );
}
