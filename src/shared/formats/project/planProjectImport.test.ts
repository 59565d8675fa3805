import { describe, expect, it } from 'vitest';
import { planProjectImport, readProjectFile, type ProjectLibrary } from './planProjectImport';
import { DEFAULT_CODEBOOK, type Annotation, type Tag } from '../../model/model';
import { PROJECT_FORMAT, PROJECT_VERSION, type ProjectArticle, type ProjectFile } from './projectFile';

const hashOf = (text: string) => `hash:${text}`;
const TEXT = 'Alpha said “we leave”. Bravo said “we stay”.';
const STAMP = '2024-01-01T00:00:00.000Z';

function article(id: string, text: string, annotations: Annotation[] = [], rejectedSuggestions: string[] = []): ProjectArticle {
  return { id, title: `Title ${id}`, date: null, outlet: null, hash: hashOf(text), length: text.length, origin: null, author: null, url: null, language: null, note: '', text, annotations, rejectedSuggestions };
}

function annotation(id: string, exact: string, creator: string, over: Partial<Annotation> = {}): Annotation {
  const start = TEXT.indexOf(exact);
  return { id, articleId: 'a1', tagId: 'quote', start, end: start + exact.length, exact, prefix: '', suffix: '', note: '', attributes: {}, creator, created: STAMP, modified: STAMP, ...over };
}

function project(over: Partial<ProjectFile> = {}): ProjectFile {
  return { format: PROJECT_FORMAT, version: PROJECT_VERSION, generated: STAMP, creator: 'bo', codebook: [...DEFAULT_CODEBOOK], groups: [], sourceLinks: [], articles: [article('a1', TEXT)], ...over };
}

function library(annotations: Annotation[] = [], over: Partial<ProjectLibrary> = {}): ProjectLibrary {
  const { text: _t, annotations: _a, rejectedSuggestions: _r, ...meta } = article('a1', TEXT);
  return { articles: [meta], codebook: DEFAULT_CODEBOOK, files: new Map([['a1', { annotations, rejectedSuggestions: ['quote:0:5'] }]]), groups: [], sourceLinks: [], ...over };
}

const ana = annotation('n1', 'we leave', 'ana', { attributes: { speaker: 'Alpha' } });
const bo = annotation('n2', 'we leave', 'bo', { attributes: { speaker: 'Alpha', form: 'direct' } });
const boStay = annotation('n3', 'we stay', 'bo');

describe('planProjectImport', () => {
  it('keeps both annotators’ annotations of the same passage, each with its creator', () => {
    const result = planProjectImport(project({ articles: [article('a1', TEXT, [ana, bo, boStay], ['quote:0:5', 'quote:9:12'])] }), library([ana]), hashOf);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.annotations.get('a1')!.map((a) => [a.id, a.creator])).toEqual([['n2', 'bo'], ['n3', 'bo']]);
    expect(result.plan.report).toMatchObject({ annotationsImported: 2, annotationsSkipped: 1, articlesImported: 0, rejectedSuggestionsImported: 1, notes: [] });
    expect(result.plan.rejectedSuggestions.get('a1')).toEqual(['quote:9:12']);
  });

  it('never duplicates: the same id, or the same article, range, tag and creator under another id, is skipped', () => {
    const copy = { ...ana, id: 'other-id' };
    const result = planProjectImport(project({ articles: [article('a1', TEXT, [ana, copy])] }), library([ana]), hashOf);
    expect(result.ok && result.plan.annotations.size).toBe(0);
    expect(result.ok && result.plan.report.annotationsSkipped).toBe(2);
  });

  it('keeps the library’s version of an annotation changed in the file, and says so', () => {
    const result = planProjectImport(project({ articles: [article('a1', TEXT, [{ ...ana, note: 'changed' }])] }), library([ana]), hashOf);
    expect(result.ok && result.plan.report.notes).toEqual(['annotation "n1" of article "a1" differs from the library\'s; the library\'s was kept']);
  });

  it('adds new articles and tags; a tag defined differently keeps the library’s definition, and says so', () => {
    const extra: Tag = { id: 'frame', name: 'Frame', color: '#123456', key: 1, description: '', attributes: [] };
    const renamed = { ...DEFAULT_CODEBOOK[0]!, name: 'Assertion' };
    const other = 'Another text.';
    const result = planProjectImport(
      project({ codebook: [renamed, extra], articles: [article('a2', other, [{ ...boStay, articleId: 'a2', tagId: 'frame', start: 0, end: 7, exact: 'Another' }])] }),
      library(),
      hashOf,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.articles.map((a) => [a.id, a.text])).toEqual([['a2', other]]);
    expect(result.plan.tags).toEqual([{ ...extra, key: null }]);
    expect(result.plan.report.notes).toEqual([
      'tag "claim" is defined differently in the file; the library\'s definition ("Claim") was kept',
      'tag "Frame" came without its key 1, which the library\'s codebook already uses',
    ]);
  });

  it('merges groups by id (members unioned) and adds links only once, pointing at the annotations that stayed', () => {
    const ref = (annotationId: string) => ({ articleId: 'a1', annotationId });
    const copy = { ...boStay, id: 'copy-of-n3' };
    const result = planProjectImport(
      project({
        articles: [article('a1', TEXT, [copy, bo])],
        groups: [{ id: 'g1', label: 'Leaving', members: [ref('n1'), ref('n2')], created: STAMP, modified: STAMP }, { id: 'g2', label: 'New', members: [ref('copy-of-n3')], created: STAMP, modified: STAMP }],
        sourceLinks: [{ id: 'l1', quote: ref('n2'), source: ref('n1'), created: STAMP }],
      }),
      library([ana, boStay], { groups: [{ id: 'g1', label: 'Leaving', members: [ref('n1')], created: STAMP, modified: STAMP }] }),
      hashOf,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.groupMembers.get('g1')).toEqual([ref('n2')]);
    expect(result.plan.groups.map((g) => [g.id, g.members])).toEqual([['g2', [ref('n3')]]]);
    expect(result.plan.sourceLinks.map((l) => l.id)).toEqual(['l1']);
  });

  it('refuses a file with offsets outside the article, duplicate ids, unknown articles, a changed text, or a text not matching its hash', () => {
    const outside = annotation('x1', 'we stay', 'bo', { start: 40, end: 400 });
    const result = planProjectImport(
      project({
        articles: [article('a1', 'A different text under the same id.', []), article('a9', TEXT, [outside, annotation('d', 'we stay', 'bo', { articleId: 'a9' }), annotation('d', 'we leave', 'bo', { articleId: 'a9' })]), { ...article('a8', TEXT), hash: 'forged' }],
        groups: [{ id: 'g', label: '', members: [{ articleId: 'nowhere', annotationId: 'z' }], created: STAMP, modified: STAMP }],
      }),
      library(),
      hashOf,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'the annotation id "d" appears more than once',
      'article "a1": the library holds another text under this id',
      'article "a8": its text does not match its hash',
      'annotation "x1" of article "a9": it names article "a1"',
      'group "g": unknown article "nowhere"',
    ]);
    const bad = planProjectImport(project({ articles: [article('a1', TEXT, [{ ...boStay, start: 30, end: 300 }])] }), library(), hashOf);
    expect(!bad.ok && bad.errors).toEqual([`annotation "n3" of article "a1": 30–300 falls outside the article's ${TEXT.length} characters`]);
  });
});

describe('readProjectFile', () => {
  it('tells JSON that is not a project from a project of the wrong shape', () => {
    expect(readProjectFile({ items: [] })).toEqual({ ok: false, errors: ['it is not a Triangulate project file (no "format": "triangulate-project")'] });
    const truncated = readProjectFile({ format: PROJECT_FORMAT, version: 1, articles: [{ id: 'a1' }] });
    expect(truncated.ok).toBe(false);
    expect(!truncated.ok && truncated.errors[0]).toMatch(/^it does not have the shape of a project file: .*generated/);
    expect(readProjectFile(JSON.parse(JSON.stringify(project()))).ok).toBe(true);
  });
});
