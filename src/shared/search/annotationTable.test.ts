import { describe, expect, it } from 'vitest';
import { queryAnnotationTable, type AnnotationRow } from './annotationTable';

function row(over: Partial<AnnotationRow>): AnnotationRow {
  return {
    id: 'x',
    articleId: 'a',
    articleTitle: 'Alpha',
    tagId: 'quote',
    start: 0,
    end: 5,
    exact: 'hello',
    prefix: '',
    suffix: '',
    note: '',
    attributes: {},
    creator: 'ana',
    modified: '2024-01-01T00:00:00.000Z',
    ...over,
  };
}

const rows = [
  row({ id: 'q1', start: 50, exact: 'We will not retreat', attributes: { speaker: 'Putin', form: 'direct' } }),
  row({ id: 'c1', tagId: 'claim', start: 10, exact: 'Prices rose', note: 'check the figures', attributes: { checkable: true }, creator: 'bo' }),
  row({ id: 's1', articleId: 'b', articleTitle: 'Beta', tagId: 'source', exact: 'told Reuters', modified: '2024-03-01T00:00:00.000Z' }),
  row({ id: 'q2', articleId: 'b', articleTitle: 'Beta', start: 40, exact: 'no comment', attributes: { speaker: 'a spokesman' } }),
];
const ids = (q: Parameters<typeof queryAnnotationTable>[1]) => queryAnnotationTable(rows, q).rows.map((r) => r.id);

describe('queryAnnotationTable', () => {
  it('without a sort lists article by article in text order', () => {
    expect(ids({})).toEqual(['c1', 'q1', 's1', 'q2']);
  });

  it('filters by tag, article, creator, attribute value and text (quote, note or attribute)', () => {
    expect(ids({ tagIds: ['quote'] })).toEqual(['q1', 'q2']);
    expect(ids({ articleIds: ['b'] })).toEqual(['s1', 'q2']);
    expect(ids({ creators: ['bo'] })).toEqual(['c1']);
    expect(ids({ attribute: { id: 'speaker', value: 'putin' } })).toEqual(['q1']);
    expect(ids({ attribute: { id: 'checkable', value: 'yes' } })).toEqual(['c1']);
    expect(ids({ attribute: { id: 'speaker', value: '' } })).toEqual(['q1', 'q2']);
    expect(ids({ text: 'FIGURES' })).toEqual(['c1']);
    expect(ids({ text: 'spokesman' })).toEqual(['q2']);
    expect(ids({ tagIds: ['quote'], text: 'retreat' })).toEqual(['q1']);
  });

  it('sorts by a column either way, empty values last', () => {
    expect(ids({ sort: { column: 'quote', direction: 'asc' } })).toEqual(['q2', 'c1', 's1', 'q1']);
    expect(ids({ sort: { column: 'quote', direction: 'desc' } })).toEqual(['q1', 's1', 'c1', 'q2']);
    expect(ids({ sort: { column: 'modified', direction: 'desc' } })[0]).toBe('s1');
    expect(ids({ sort: { column: 'note', direction: 'asc' } })[0]).toBe('c1');
    expect(ids({ sort: { column: 'note', direction: 'desc' } })[0]).toBe('c1');
  });

  it('filters and sorts by the canonical speaker, found by any of the entity’s names', () => {
    const credited = [
      ...rows.slice(0, 2),
      row({ id: 'q3', articleId: 'b', articleTitle: 'Beta', start: 90, exact: 'we resign', attributes: { speaker: 'Mr Bondarev' }, speaker: { id: 'boris-bondarev', name: 'Boris Bondarev' } }),
      row({ id: 'q4', articleId: 'b', articleTitle: 'Beta', start: 10, exact: 'no', attributes: { speaker: 'Putin' }, speaker: { id: 'vladimir-putin', name: 'Vladimir Putin' } }),
    ];
    const entities = [
      { id: 'boris-bondarev', name: 'Boris Bondarev', aliases: ['Mr Bondarev', 'the diplomat'] },
      { id: 'vladimir-putin', name: 'Vladimir Putin', aliases: ['Putin'] },
    ];
    const query = (q: Parameters<typeof queryAnnotationTable>[1]) => queryAnnotationTable(credited, q, entities).rows.map((r) => r.id);
    expect(query({ speaker: 'the diplomat' })).toEqual(['q3']);
    expect(query({ speaker: 'vladimir' })).toEqual(['q4']);
    // The text filter sees the canonical name too, though the attribute says "Mr Bondarev".
    expect(query({ text: 'boris' })).toEqual(['q3']);
    expect(query({ sort: { column: 'speaker', direction: 'asc' } })).toEqual(['q3', 'q4', 'c1', 'q1']);
    expect(query({ sort: { column: 'speaker', direction: 'desc' } })).toEqual(['q4', 'q3', 'c1', 'q1']);
  });

  it('pages: the total counts every matching row', () => {
    const page = queryAnnotationTable(rows, { offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.id)).toEqual(['q1', 's1']);
  });
});
