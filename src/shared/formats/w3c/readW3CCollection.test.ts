import { describe, expect, it } from 'vitest';
import { ApiError } from '../../contract/apiError';
import { readW3CCollection } from './readW3CCollection';

describe('readW3CCollection', () => {
  it('reads our own tagging and linking annotations', () => {
    const items = readW3CCollection({
      type: 'AnnotationCollection',
      items: [
        {
          id: 'urn:triangulate:annotation:n1',
          type: 'Annotation',
          motivation: 'tagging',
          created: '2024-01-01T12:00:00.000Z',
          modified: '2024-01-01T12:00:05.000Z',
          creator: { type: 'Person', name: 'ana' },
          body: [
            { type: 'TextualBody', purpose: 'tagging', value: 'Quote', format: 'text/plain' },
            { type: 'TextualBody', purpose: 'commenting', value: 'key line', format: 'text/plain' },
          ],
          target: {
            source: 'urn:triangulate:article:a1',
            'triangulate:sha256': 'abc',
            selector: [
              { type: 'TextQuoteSelector', exact: 'we leave', prefix: '“', suffix: '”' },
              { type: 'TextPositionSelector', start: 12, end: 20 },
            ],
          },
          'triangulate:tagId': 'quote',
          'triangulate:attributes': { speaker: 'Ana', count: 2, direct: true, nested: { no: 1 } },
        },
        { id: 'urn:triangulate:group:g1', motivation: 'linking', body: [{ purpose: 'describing', value: 'Leaving' }], target: ['urn:triangulate:annotation:n1'] },
        { id: 'urn:triangulate:link:l1', motivation: 'linking', 'triangulate:relation': 'creditedBy', target: ['urn:x:1', { id: 'urn:x:2' }] },
      ],
    });
    expect(items.problems).toEqual([]);
    expect(items.tagging).toEqual([
      {
        name: 'urn:triangulate:annotation:n1',
        iri: 'urn:triangulate:annotation:n1',
        source: 'urn:triangulate:article:a1',
        alsoKnownAs: [],
        sha256: 'abc',
        exact: 'we leave',
        prefix: '“',
        suffix: '”',
        position: { start: 12, end: 20 },
        tagId: 'quote',
        tagNames: ['Quote'],
        attributes: { speaker: 'Ana', count: 2, direct: true },
        note: 'key line',
        creator: 'ana',
        created: '2024-01-01T12:00:00.000Z',
        modified: '2024-01-01T12:00:05.000Z',
        notes: [],
      },
    ]);
    expect(items.linking).toEqual([
      { name: 'urn:triangulate:group:g1', iri: 'urn:triangulate:group:g1', targets: ['urn:triangulate:annotation:n1'], creditedBy: false, label: 'Leaving', creator: null, created: null, modified: null },
      { name: 'urn:triangulate:link:l1', iri: 'urn:triangulate:link:l1', targets: ['urn:x:1', 'urn:x:2'], creditedBy: true, label: null, creator: null, created: null, modified: null },
    ]);
  });

  it('reads another tool’s page of annotations: single objects instead of arrays, a string creator, bodyValue', () => {
    const items = readW3CCollection({
      type: 'AnnotationCollection',
      first: {
        type: 'AnnotationPage',
        items: [
          {
            type: 'Annotation',
            motivation: ['tagging', 'commenting'],
            creator: 'https://example.org/people/bo',
            bodyValue: 'worth checking',
            body: { type: 'TextualBody', purpose: 'tagging', value: 'claim' },
            target: { source: 'https://news.example/story', selector: { type: 'TextQuoteSelector', exact: 'Bravo agreed.' } },
            created: 'yesterday-ish',
          },
        ],
      },
    });
    expect(items.tagging[0]).toMatchObject({
      name: 'item 1',
      iri: null,
      source: 'https://news.example/story',
      exact: 'Bravo agreed.',
      prefix: null,
      position: null,
      tagNames: ['claim'],
      note: 'worth checking',
      creator: 'https://example.org/people/bo',
      created: null,
    });
  });

  it('reports an item that is not an object and reads the rest', () => {
    const items = readW3CCollection({ items: [42, { target: { source: 's', selector: [] } }] });
    expect(items.problems).toEqual(['item 1 is not an annotation (not a JSON object); skipped']);
    expect(items.tagging).toHaveLength(1);
  });

  it.each([
    ['null', null],
    ['a string', 'items'],
    ['an object without items', { type: 'AnnotationCollection', total: 3 }],
    ['items that are not a list', { items: { a: 1 } }],
  ])('refuses %s with invalid_input', (_what, value) => {
    let error: unknown;
    try {
      readW3CCollection(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('invalid_input');
    expect((error as ApiError).message).toMatch(/not a W3C annotation collection/);
  });
});
