import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK, type Annotation, type Tag } from '../../model/model';
import type { ProjectFile } from './projectFile';
import { applyTagOptions } from './applyTagOptions';

const TEXT = 'Mara Quinn said the port stays shut. Crews were ready.';
const tag = (id: string, name: string): Tag => ({ id, name, color: '#123456', key: null, description: '', attributes: [] });
function annotation(id: string, tagId: string, exact: string): Annotation {
  const start = TEXT.indexOf(exact);
  return { id, articleId: 'port', tagId, start, end: start + exact.length, exact, prefix: '', suffix: '', note: '', attributes: {}, creator: 'ana', created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z' };
}
const ref = (annotationId: string) => ({ articleId: 'port', annotationId });

/** A colleague's project with two tags our codebook lacks ("Trust", "Unused") besides the default ones. */
const PROJECT: ProjectFile = {
  format: 'triangulate-project',
  version: 1,
  generated: '2024-06-01T00:00:00.000Z',
  creator: 'bo',
  codebook: [...DEFAULT_CODEBOOK, tag('trust', 'Trust'), tag('unused', 'Unused')],
  groups: [
    { id: 'g1', label: 'Shut', members: [ref('t1'), ref('q1')], created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z' },
    { id: 'g2', label: 'Only trust', members: [ref('t2')], created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z' },
  ],
  sourceLinks: [{ id: 'l1', quote: ref('q1'), source: ref('t2'), created: '2024-01-01T00:00:00.000Z' }],
  articles: [
    {
      id: 'port', title: 'Port', date: null, outlet: null, hash: 'h', length: TEXT.length, origin: null, author: null, url: null, language: null, note: '', text: TEXT, rejectedSuggestions: [],
      annotations: [annotation('q1', 'quote', 'the port stays shut'), annotation('t1', 'trust', 'Mara Quinn'), annotation('t2', 'trust', 'Crews were ready')],
    },
  ],
};

describe('applyTagOptions', () => {
  it('lists the tags the codebook lacks, with their annotation counts, and leaves their items out when nothing is chosen', () => {
    const result = applyTagOptions(PROJECT, DEFAULT_CODEBOOK, {});
    expect(result.unknownTags).toEqual([{ name: 'Trust', items: 2 }, { name: 'Unused', items: 0 }]);
    expect(result.project.codebook.map((t) => t.id)).toEqual(DEFAULT_CODEBOOK.map((t) => t.id));
    expect(result.project.articles[0]!.annotations.map((a) => a.id)).toEqual(['q1']);
    // Groups and links that pointed at the left-out annotations follow them, each said.
    expect(result.project.groups).toEqual([expect.objectContaining({ id: 'g1', members: [ref('q1')] })]);
    expect(result.project.sourceLinks).toEqual([]);
    expect(result.problems).toEqual([
      'annotation "t1" of article "port" (“Mara Quinn”): left out, its tag "Trust" is not in the codebook and was neither mapped nor created',
      'annotation "t2" of article "port" (“Crews were ready”): left out, its tag "Trust" is not in the codebook and was neither mapped nor created',
      'group "Shut": 1 member left out with their tag',
      'group "Only trust": left out, all its members were left out',
      'source link "l1": left out, its quote or source was left out',
    ]);
  });

  it('maps a tag onto the codebook by name (ignoring case) or by id: its annotations take the codebook tag', () => {
    for (const tagMap of [{ TRUST: 'source' }, { trust: 'source' }] as Record<string, string>[]) {
      const result = applyTagOptions(PROJECT, DEFAULT_CODEBOOK, { tagMap, createTags: ['Unused'] });
      expect(result.project.articles[0]!.annotations.map((a) => [a.id, a.tagId])).toEqual([['q1', 'quote'], ['t1', 'source'], ['t2', 'source']]);
      expect(result.project.codebook.map((t) => t.id)).toEqual([...DEFAULT_CODEBOOK.map((t) => t.id), 'unused']);
      expect(result).toMatchObject({ unknownTags: [], tagsCreated: ['Unused'], problems: [] });
      expect(result.project.sourceLinks).toHaveLength(1);
    }
  });

  it('creates the tags named (or all of them), and a mapping onto a tag the codebook lacks counts as none', () => {
    expect(applyTagOptions(PROJECT, DEFAULT_CODEBOOK, { createTags: true })).toMatchObject({ tagsCreated: ['Trust', 'Unused'], unknownTags: [], problems: [] });
    const result = applyTagOptions(PROJECT, DEFAULT_CODEBOOK, { tagMap: { Trust: 'nope' }, createTags: ['trust'] });
    expect(result.tagsCreated).toEqual(['Trust']);
    expect(result.unknownTags).toEqual([{ name: 'Unused', items: 0 }]);
    expect(result.project.articles[0]!.annotations.map((a) => a.tagId)).toEqual(['quote', 'trust', 'trust']);
  });
});
