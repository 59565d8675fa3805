import { describe, expect, it } from 'vitest';
import type { Group, SourceLink } from '../../crossArticle/crossArticle';
import { DEFAULT_CODEBOOK, type Annotation } from '../../model/model';
import { AnnotationCollectionSchema, AnnotationPageSchema, isTaggingAnnotation, pagedCollection, toAnnotationCollection, type ExportInput } from './w3cExport';

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

const INPUT: ExportInput = {
  articles: [{ id: 'a1', title: 'A', hash: 'h', language: 'EN-gb' }],
  codebook: DEFAULT_CODEBOOK,
  annotationsByArticle: new Map([['a1', [q, s]]]),
  groups: [group, orphan],
  sourceLinks: [link, dangling],
  libraryCreator: 'lib',
  generated: '2024-04-01T00:00:00.000Z',
};

describe('toAnnotationCollection with groups and links', () => {
  const collection = toAnnotationCollection(INPUT);
  const items = collection.first.items;

  it('validates against the collection schema; one page holds every item and is the first and last', () => {
    expect(AnnotationCollectionSchema.parse(collection)).toEqual(collection);
    expect(collection.total).toBe(items.length);
    expect(collection.first).toMatchObject({ type: 'AnnotationPage', startIndex: 0, partOf: collection.id, id: collection.last });
  });

  it('names the article as a text with its language (primary subtag in lower case) and the annotator as an agent', () => {
    const [first] = items.filter(isTaggingAnnotation);
    expect(first!.target.source).toEqual({ id: 'urn:triangulate:article:a1', type: 'Text', format: 'text/plain', language: 'en-gb', 'triangulate:title': 'A', 'triangulate:sha256': 'h', 'triangulate:version': 1 });
    expect(first!.creator).toEqual({ id: 'urn:triangulate:creator:ana', type: 'Person', name: 'ana', nickname: 'ana' });
    expect(first!.body.map((b) => b.creator.name)).toEqual(['ana', 'ana']);
  });

  it('puts the tagging annotations first, then a group and a link as linking annotations by the library creator', () => {
    expect(items.filter(isTaggingAnnotation).map((i) => i.id)).toEqual(['urn:triangulate:annotation:s', 'urn:triangulate:annotation:q']);
    const [g, l, ...rest] = items.slice(2);
    expect(rest).toEqual([]);
    expect(g).toMatchObject({ id: 'urn:triangulate:group:g1', motivation: 'linking', target: 'urn:triangulate:annotation:q', creator: { name: 'lib' } });
    expect(g!.body).toEqual([expect.objectContaining({ purpose: 'describing', value: 'Leaving' })]);
    expect(l).toMatchObject({ id: 'urn:triangulate:link:l1', 'triangulate:relation': 'creditedBy', target: ['urn:triangulate:annotation:q', 'urn:triangulate:annotation:s'] });
    expect(l!.body).toHaveLength(1);
  });

  it('leaves the language out when the article has none', () => {
    const c = toAnnotationCollection({ ...INPUT, articles: [{ id: 'a1', title: 'A', hash: 'h', language: null }] });
    const [first] = c.first.items.filter(isTaggingAnnotation);
    expect(first!.target.source).not.toHaveProperty('language');
  });
});

describe('toAnnotationCollection with the people index', () => {
  it('names whom a Quote or Source credits by its canonical name and id, keeping the attribute as typed', () => {
    const named = { ...s, attributes: { name: 'Mr Alpha' } };
    const spoken = { ...q, attributes: { speaker: 'Someone else' } };
    const items = toAnnotationCollection({
      ...INPUT,
      annotationsByArticle: new Map([['a1', [spoken, named]]]),
      speakers: (_article, name) => (name === 'Mr Alpha' ? { id: 'anna-alpha', name: 'Anna Alpha' } : null),
    }).first.items.filter(isTaggingAnnotation);
    const source = items.find((i) => i['triangulate:tagId'] === 'source')!;
    const quote = items.find((i) => i['triangulate:tagId'] === 'quote')!;
    expect(items).toHaveLength(2);
    expect([source['triangulate:speakerName'], source['triangulate:speakerId'], source['triangulate:attributes']]).toEqual(['Anna Alpha', 'anna-alpha', { name: 'Mr Alpha' }]);
    expect([quote['triangulate:speakerName'], quote['triangulate:speakerId']]).toEqual(['Someone else', undefined]);
    expect(AnnotationCollectionSchema.safeParse(toAnnotationCollection(INPUT)).success).toBe(true);
  });
});

describe('pagedCollection', () => {
  it('splits the items into pages of N linked by next and prev, in the same order', () => {
    const { collection, pages } = pagedCollection(INPUT, 2);
    expect(pages.map((p) => p.items.length)).toEqual([2, 2]);
    expect(pages.flatMap((p) => p.items)).toEqual(toAnnotationCollection(INPUT).first.items);
    expect(pages[0]).toMatchObject({ startIndex: 0, next: pages[1]!.id });
    expect(pages[0]).not.toHaveProperty('prev');
    expect(pages[1]).toMatchObject({ startIndex: 2, prev: pages[0]!.id });
    expect(pages[1]).not.toHaveProperty('next');
    expect(collection).toMatchObject({ first: pages[0]!.id, last: pages[1]!.id, total: 4 });
    for (const page of pages) expect(AnnotationPageSchema.parse(page)).toEqual(page);
  });

  it('refuses a page size that is not a positive whole number', () => {
    expect(() => pagedCollection(INPUT, 0)).toThrow(/page size/);
  });
});
