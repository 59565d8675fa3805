import { describe, expect, it } from 'vitest';
import type { Group, SourceLink } from '../../crossArticle/crossArticle';
import { DEFAULT_CODEBOOK, type Annotation } from '../../model/model';
import { AnnotationCollectionSchema, isTaggingAnnotation, toAnnotationCollection } from './w3cExport';

const TEXT = 'Alpha said “we leave”. Bravo agreed.';

function annotation(id: string, tagId: string, exact: string): Annotation {
  const start = TEXT.indexOf(exact);
  return { id, articleId: 'a1', tagId, start, end: start + exact.length, exact, prefix: TEXT.slice(0, start), suffix: TEXT.slice(start + exact.length), note: '', attributes: {}, creator: 'ana', created: '2024-01-01T00:00:00.000Z', modified: '2024-01-02T00:00:00.000Z' };
}

const q = annotation('q', 'quote', 'we leave');
const s = annotation('s', 'source', 'Alpha said');
const ref = (annotationId: string) => ({ articleId: 'a1', annotationId });
const group: Group = { id: 'g1', label: 'Leaving', members: [ref('q'), ref('gone')], created: '2024-02-01T00:00:00.000Z', modified: '2024-02-02T00:00:00.000Z' };
const orphan: Group = { ...group, id: 'g2', members: [ref('gone')] };
const link: SourceLink = { id: 'l1', quote: ref('q'), source: ref('s'), created: '2024-03-01T00:00:00.000Z' };
const dangling: SourceLink = { ...link, id: 'l2', source: ref('gone') };

describe('toAnnotationCollection with groups and links', () => {
  const collection = toAnnotationCollection({
    articles: [{ id: 'a1', title: 'A', hash: 'h' }],
    codebook: DEFAULT_CODEBOOK,
    annotationsByArticle: new Map([['a1', [q, s]]]),
    groups: [group, orphan],
    sourceLinks: [link, dangling],
    generated: '2024-04-01T00:00:00.000Z',
  });

  it('validates against the collection schema and counts every item', () => {
    expect(AnnotationCollectionSchema.parse(collection)).toEqual(collection);
    expect(collection.total).toBe(collection.items.length);
  });

  it('puts the tagging annotations first, then a group and a link as linking annotations', () => {
    expect(collection.items.filter(isTaggingAnnotation).map((i) => i.id)).toEqual(['urn:triangulate:annotation:s', 'urn:triangulate:annotation:q']);
    expect(collection.items.slice(2)).toEqual([
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'urn:triangulate:group:g1',
        type: 'Annotation',
        motivation: 'linking',
        created: group.created,
        modified: group.modified,
        body: [{ type: 'TextualBody', purpose: 'describing', value: 'Leaving', format: 'text/plain' }],
        target: ['urn:triangulate:annotation:q'],
      },
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'urn:triangulate:link:l1',
        type: 'Annotation',
        motivation: 'linking',
        created: link.created,
        modified: link.created,
        target: ['urn:triangulate:annotation:q', 'urn:triangulate:annotation:s'],
        'triangulate:relation': 'creditedBy',
      },
    ]);
  });

  it('rejects a linking item without targets', () => {
    const broken = { ...collection, items: [{ ...collection.items[2], target: [] }] };
    expect(AnnotationCollectionSchema.safeParse(broken).success).toBe(false);
  });
});
