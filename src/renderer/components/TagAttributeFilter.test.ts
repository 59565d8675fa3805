import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../shared/model/model';
import { filterableAttributes } from './TagAttributeFilter';

describe('filterableAttributes', () => {
  it('offers the chosen tag’s attributes, or every tag’s when none is chosen', () => {
    expect(filterableAttributes(DEFAULT_CODEBOOK, 'quote').map((a) => a.name)).toEqual(['Speaker', 'Direct or indirect']);
    expect(filterableAttributes(DEFAULT_CODEBOOK, '').map((a) => a.id)).toEqual(['checkable', 'stance', 'speaker', 'form', 'name', 'kind', 'reached']);
  });

  it('lists an attribute id two tags declare once', () => {
    const codebook = DEFAULT_CODEBOOK.map((t) => (t.id === 'source' ? { ...t, attributes: [...t.attributes, { id: 'speaker', name: 'Speaker', type: 'text' as const, options: [] }] } : t));
    expect(filterableAttributes(codebook, '').filter((a) => a.id === 'speaker')).toHaveLength(1);
  });
});
