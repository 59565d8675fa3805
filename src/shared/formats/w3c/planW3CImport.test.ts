import { describe, expect, it } from 'vitest';
import type { Group } from '../../crossArticle/crossArticle';
import { DEFAULT_CODEBOOK, type Annotation } from '../../model/model';
import { planW3CImport, type ImportPlanInput } from './planW3CImport';
import type { LinkingItem, TaggingItem } from './readW3CCollection';

const TEXT = 'Alpha said “we leave”. Bravo said “we stay”. Alpha said “we leave” again.';
const NOW = '2024-05-01T00:00:00.000Z';

function tagging(over: Partial<TaggingItem>): TaggingItem {
  return {
    name: over.iri ?? 'item',
    iri: null,
    source: 'urn:triangulate:article:a1',
    sha256: null,
    exact: null,
    prefix: null,
    suffix: null,
    position: null,
    tagId: null,
    tagNames: [],
    attributes: {},
    note: '',
    creator: null,
    created: null,
    modified: null,
    alsoKnownAs: [],
    notes: [],
    ...over,
  };
}

function linking(over: Partial<LinkingItem>): LinkingItem {
  return { name: over.iri ?? 'link', iri: null, targets: [], creditedBy: false, label: null, creator: null, created: null, modified: null, ...over };
}

function input(over: Partial<ImportPlanInput> = {}): ImportPlanInput {
  let n = 0;
  return {
    items: { tagging: [], linking: [], problems: [] },
    articles: [{ id: 'a1', hash: 'hash-a1' }],
    texts: new Map([['a1', TEXT]]),
    codebook: DEFAULT_CODEBOOK,
    existing: new Map([['a1', []]]),
    groups: [],
    sourceLinks: [],
    creator: 'importer',
    now: NOW,
    newId: () => `new${++n}`,
    ...over,
  };
}

const at = (needle: string, from = 0) => TEXT.indexOf(needle, from);

describe('planW3CImport', () => {
  it('re-anchors by the quote, keeps our ids, takes the tag by name and the creator given', () => {
    const second = at('we leave', 30);
    const plan = planW3CImport(
      input({
        items: {
          tagging: [
            tagging({ iri: 'urn:triangulate:annotation:k1', exact: 'we leave', prefix: 'Alpha said “', suffix: '” again', position: { start: 3, end: 11 }, tagNames: ['QUOTE'], creator: 'bo', note: 'n', created: '2024-01-01T00:00:00.000Z' }),
          ],
          linking: [],
          problems: [],
        },
      }),
    );
    expect(plan.report).toEqual({ annotationsImported: 1, annotationsSkipped: 0, annotationsApproximate: 0, groupsImported: 0, linksImported: 0, problems: [], notes: [], unknownTags: [], tagsCreated: [] });
    expect(plan.annotations).toEqual([
      {
        id: 'k1',
        articleId: 'a1',
        tagId: 'quote',
        start: second,
        end: second + 8,
        exact: 'we leave',
        prefix: TEXT.slice(Math.max(0, second - 32), second),
        suffix: TEXT.slice(second + 8, second + 40),
        note: 'n',
        attributes: {},
        creator: 'bo',
        created: '2024-01-01T00:00:00.000Z',
        modified: '2024-01-01T00:00:00.000Z',
      },
    ]);
  });

  it('reports what it cannot import, naming the item and why', () => {
    const plan = planW3CImport(
      input({
        items: {
          tagging: [
            tagging({ iri: 'urn:x:1', source: 'https://elsewhere.example/story', exact: 'we stay', tagNames: ['Quote'] }),
            tagging({ iri: 'urn:x:2', exact: 'we stay', tagNames: ['Opinion'] }),
            tagging({ iri: 'urn:x:3', exact: 'we surrender', tagNames: ['Quote'] }),
          ],
          linking: [],
          problems: ['item 9 is not an annotation (not a JSON object); skipped'],
        },
      }),
    );
    expect(plan.annotations).toEqual([]);
    expect(plan.report.problems).toEqual([
      'item 9 is not an annotation (not a JSON object); skipped',
      'urn:x:1: names "https://elsewhere.example/story", which is not in this library',
      'urn:x:2: unknown tag "Opinion" (the codebook has Claim, Quote, Source); map it to a tag or create it',
      'urn:x:3: could not be anchored in article "a1" (the text "we surrender" is not there, not even with small differences)',
    ]);
  });

  it('anchors another tool’s quote of a slightly edited text, counts it, and keeps valid attribute values', () => {
    const start = at('Bravo');
    // The other tool's copy of the article reads "sayd" where ours reads "said".
    const plan = planW3CImport(
      input({
        items: {
          tagging: [
            tagging({ iri: 'urn:x:9', exact: 'Bravo sayd “we stay”', tagId: 'quote', creator: 'cy', attributes: { speaker: 'Bravo', form: 'shouted', bogus: 1 } }),
          ],
          linking: [],
          problems: [],
        },
      }),
    );
    expect(plan.report).toMatchObject({ annotationsImported: 1, annotationsApproximate: 1, problems: [] });
    expect(plan.annotations[0]).toMatchObject({ start, exact: 'Bravo said “we stay”', creator: 'cy', attributes: { speaker: 'Bravo' } });
  });

  it('finds the article by its text hash when the source is not ours', () => {
    const plan = planW3CImport(input({ items: { tagging: [tagging({ source: 'file:///x.txt', sha256: 'hash-a1', exact: 'we stay', tagId: 'quote' })], linking: [], problems: [] } }));
    expect(plan.annotations[0]).toMatchObject({ articleId: 'a1', exact: 'we stay', id: 'new1', creator: 'importer', created: NOW });
  });

  it('skips an annotation that already exists, counts it, and lets groups reach it', () => {
    const start = at('we stay');
    const existing: Annotation = { id: 'e1', articleId: 'a1', tagId: 'quote', start, end: start + 7, exact: 'we stay', prefix: '', suffix: '', note: '', attributes: {}, creator: 'bo', created: NOW, modified: NOW };
    const plan = planW3CImport(
      input({
        existing: new Map([['a1', [existing]]]),
        items: {
          tagging: [
            tagging({ iri: 'urn:triangulate:annotation:e1', exact: 'we stay', position: { start, end: start + 7 }, tagId: 'quote', creator: 'bo' }),
            tagging({ iri: 'urn:triangulate:annotation:e1b', exact: 'we stay', tagId: 'quote', creator: 'someone else' }),
          ],
          linking: [linking({ iri: 'urn:triangulate:group:g1', label: ' Staying ', targets: ['urn:triangulate:annotation:e1', 'urn:triangulate:annotation:e1b', 'urn:gone'] })],
          problems: [],
        },
      }),
    );
    expect(plan.report.annotationsSkipped).toBe(1);
    expect(plan.annotations.map((a) => [a.id, a.creator])).toEqual([['e1b', 'someone else']]);
    expect(plan.groups).toEqual([
      { id: 'g1', label: 'Staying', members: [{ articleId: 'a1', annotationId: 'e1' }, { articleId: 'a1', annotationId: 'e1b' }], created: NOW, modified: NOW },
    ]);
    expect(plan.report.problems).toEqual(['urn:triangulate:group:g1: member "urn:gone" did not import; left out of group "Staying"']);
  });

  it('gives a new id when ours is taken, and adds no group or link that already exists', () => {
    const start = at('we stay');
    const taken: Annotation = { id: 'k1', articleId: 'a1', tagId: 'claim', start: 0, end: 5, exact: 'Alpha', prefix: '', suffix: '', note: '', attributes: {}, creator: 'x', created: NOW, modified: NOW };
    const source = at('Bravo said');
    const sourceAnn: Annotation = { ...taken, id: 's1', tagId: 'source', start: source, end: source + 10, exact: 'Bravo said' };
    const group: Group = { id: 'g1', label: 'Same', members: [{ articleId: 'a1', annotationId: 'new1' }], created: NOW, modified: NOW };
    const plan = planW3CImport(
      input({
        existing: new Map([['a1', [taken, sourceAnn]]]),
        groups: [group],
        items: {
          tagging: [
            tagging({ iri: 'urn:triangulate:annotation:k1', exact: 'we stay', position: { start, end: start + 7 }, tagId: 'quote' }),
            tagging({ iri: 'urn:triangulate:annotation:s1', exact: 'Bravo said', tagId: 'source', creator: 'x' }),
          ],
          linking: [
            linking({ iri: 'urn:triangulate:group:g1', label: 'Same', targets: ['urn:triangulate:annotation:k1'] }),
            linking({ iri: 'urn:triangulate:link:l1', creditedBy: true, targets: ['urn:triangulate:annotation:k1', 'urn:triangulate:annotation:s1'] }),
            linking({ iri: 'urn:triangulate:link:l2', creditedBy: true, targets: ['urn:triangulate:annotation:k1', 'urn:triangulate:annotation:s1'] }),
            linking({ iri: 'urn:triangulate:link:bad', creditedBy: true, targets: ['urn:triangulate:annotation:s1', 'urn:triangulate:annotation:k1'] }),
          ],
          problems: [],
        },
      }),
    );
    expect(plan.annotations.map((a) => a.id)).toEqual(['new1']);
    expect(plan.report.annotationsSkipped).toBe(1);
    expect(plan.groups).toEqual([]);
    expect(plan.sourceLinks).toEqual([
      { id: 'l1', quote: { articleId: 'a1', annotationId: 'new1' }, source: { articleId: 'a1', annotationId: 's1' }, created: NOW },
    ]);
    expect(plan.report.problems).toEqual(['urn:triangulate:link:bad: source link not imported: it must join a Quote and a Source of the same article']);
  });

  it('does not add our own group again when it comes back with fewer members', () => {
    const start = at('we stay');
    const kept: Annotation = { id: 'k1', articleId: 'a1', tagId: 'quote', start, end: start + 7, exact: 'we stay', prefix: '', suffix: '', note: '', attributes: {}, creator: 'x', created: NOW, modified: NOW };
    const group: Group = { id: 'g1', label: 'Same', members: [{ articleId: 'a1', annotationId: 'k1' }, { articleId: 'a2', annotationId: 'k2' }], created: NOW, modified: NOW };
    const items = {
      tagging: [tagging({ iri: 'urn:triangulate:annotation:k1', exact: 'we stay', tagId: 'quote', creator: 'x' })],
      linking: [linking({ iri: 'urn:triangulate:group:g1', label: 'Same', targets: ['urn:triangulate:annotation:k1', 'urn:triangulate:annotation:k2'] })],
      problems: [],
    };
    const plan = planW3CImport(input({ existing: new Map([['a1', [kept]]]), groups: [group], items }));
    expect(plan.groups).toEqual([]);
    const renamed = planW3CImport(input({ existing: new Map([['a1', [kept]]]), groups: [{ ...group, label: 'Other' }], items }));
    expect(renamed.groups).toEqual([expect.objectContaining({ id: 'new1', label: 'Same', members: [{ articleId: 'a1', annotationId: 'k1' }] })]);
  });
});
