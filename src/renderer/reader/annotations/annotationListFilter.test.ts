import { describe, expect, it } from 'vitest';
import { filterRows } from '../../../shared/search/annotationTable';
import type { Annotation } from '../../../shared/model/model';
import { NO_FILTER, isFiltering, listFilterQuery } from './AnnotationListFilter';

const base: Annotation = {
  id: 'x',
  articleId: 'a',
  tagId: 'quote',
  start: 0,
  end: 3,
  exact: 'We will win',
  prefix: '',
  suffix: '',
  note: '',
  attributes: {},
  creator: 'ana',
  created: '',
  modified: '',
};
const list: Annotation[] = [
  { ...base, id: 'q', attributes: { speaker: 'Zelensky', form: 'direct' } },
  { ...base, id: 'c', tagId: 'claim', exact: 'Prices rose 5%', note: 'source?', attributes: { checkable: false } },
  { ...base, id: 's', tagId: 'source', exact: 'told Reuters', attributes: { kind: 'wire agency' } },
];
const ids = (f: Partial<typeof NO_FILTER>) => filterRows(list, listFilterQuery({ ...NO_FILTER, ...f })).map((a) => a.id);

describe('the annotation list filter', () => {
  it('keeps everything until a filter is set', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering({ ...NO_FILTER, text: '  ' })).toBe(false);
    expect(ids({})).toEqual(['q', 'c', 's']);
  });

  it('filters by tag, by attribute value and by words in the quote, note or values', () => {
    expect(ids({ tagId: 'claim' })).toEqual(['c']);
    expect(ids({ attributeId: 'form', value: 'direct' })).toEqual(['q']);
    expect(ids({ attributeId: 'checkable', value: 'no' })).toEqual(['c']);
    expect(ids({ attributeId: 'kind', value: '' })).toEqual(['s']);
    expect(ids({ text: 'reuters' })).toEqual(['s']);
    expect(ids({ text: 'SOURCE?' })).toEqual(['c']);
    expect(ids({ text: 'zelensky' })).toEqual(['q']);
    expect(ids({ tagId: 'quote', text: 'prices' })).toEqual([]);
  });
});
