import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectFileSchema, type ProjectFile } from '../../shared/formats/project/projectFile';
import { apiRejection } from '../../../tools/testSupport/apiRejection';
import type { Core } from './createCore';
import { SEED, passageRange, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';

const lib = useTestLibrary();

/** A library with attribute values, a note, a group across articles, a source link and rejected suggestions. */
async function annotate(core: Core): Promise<void> {
  await core.acceptAlignment({
    label: 'Ashamed',
    tagId: 'quote',
    passages: [await passageRange(core, SEED.A000, 'ashamed of my country'), await passageRange(core, SEED.A002, 'ashamed of my country')],
  });
  const quote = await core.createAnnotation({
    ...(await passageRange(core, SEED.A000, 'like any other Monday morning')),
    tagId: 'quote',
    note: 'routine, "normal"\nday',
    attributes: { speaker: 'Boris Bondarev', form: 'direct' },
  });
  const source = await core.createAnnotation({ ...(await passageRange(core, SEED.A000, 'Mr Bondarev told Reuters')), tagId: 'source', attributes: { kind: 'wire agency' } });
  await core.linkSource({ quote: { articleId: SEED.A000, annotationId: quote.id }, source: { articleId: SEED.A000, annotationId: source.id } });
  await core.decideSuggestions({ articleId: SEED.A001, decision: 'reject' });
}

/** Every file of the library as text, by relative path (backups left out). */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const sub of ['', 'texts', 'annotations']) {
    for (const name of await fs.readdir(join(dir, sub)).catch(() => [])) {
      const path = join(dir, sub, name);
      if ((await fs.stat(path)).isFile()) files[join(sub, name)] = await fs.readFile(path, 'utf8');
    }
  }
  return files;
}

const withoutStamp = ({ generated: _g, ...rest }: ProjectFile) => rest;

describe('exportProject and importProject', () => {
  it('exports everything the library holds, and restores it into an empty folder with nothing lost', async () => {
    const original = await lib.open();
    await annotate(original);
    const exported = await original.exportProject({});
    expect(ProjectFileSchema.parse(exported)).toEqual(exported);
    expect(exported.articles.map((a) => a.id)).toEqual(Object.values(SEED));
    const a000 = exported.articles[0]!;
    expect(a000.text).toBe((await original.getArticle({ id: SEED.A000 })).text);
    expect(a000.annotations.find((a) => a.tagId === 'quote' && a.note)).toMatchObject({ attributes: { speaker: 'Boris Bondarev', form: 'direct' }, creator: 'ana' });
    expect(exported.groups).toHaveLength(1);
    expect(exported.sourceLinks).toHaveLength(1);
    expect(exported.articles[1]!.rejectedSuggestions.length).toBeGreaterThan(0);
    expect(exported.codebook).toEqual(await original.getCodebook({}));

    const file = JSON.parse(JSON.stringify(exported)) as ProjectFile;
    const { articles, codebook, creator } = file;
    const restored = await lib.open({
      dataDir: join(lib.dir(), 'restored'),
      corpusDir: join(lib.dir(), 'no-corpus-here'),
      newLibrary: { articles: articles.map(({ annotations: _a, rejectedSuggestions: _r, ...a }) => a), codebook, settings: { creator } },
    });
    const report = await restored.importProject({ project: file });
    expect(report).toMatchObject({ articlesImported: 0, annotationsImported: 4, annotationsSkipped: 0, groupsImported: 1, linksImported: 1, notes: [] });
    expect(withoutStamp(await restored.exportProject({}))).toEqual(withoutStamp(exported));
  });

  it('merges a colleague’s project: both people’s annotations kept with their creator, nothing doubled on a second import', async () => {
    const mine = await lib.open();
    await mine.createAnnotation({ ...(await passageRange(mine, SEED.A002, 'Boris Bondarev')), tagId: 'source' });
    const colleague = await lib.open({ dataDir: join(lib.dir(), 'bo'), creator: 'bo' });
    await colleague.createAnnotation({ ...(await passageRange(colleague, SEED.A002, 'Boris Bondarev')), tagId: 'source', attributes: { name: 'Bondarev' } });
    await annotate(colleague);
    const theirs = JSON.parse(JSON.stringify(await colleague.exportProject({})));

    const first = await mine.importProject({ project: theirs });
    expect(first).toMatchObject({ articlesImported: 0, annotationsImported: 5, annotationsSkipped: 0, groupsImported: 1, linksImported: 1 });
    const a002 = await mine.listAnnotations({ articleId: SEED.A002 });
    expect(a002.filter((a) => a.tagId === 'source').map((a) => a.creator).sort()).toEqual(['ana', 'bo']);
    expect(a002.find((a) => a.creator === 'bo' && a.tagId === 'source')!.attributes).toEqual({ name: 'Bondarev' });

    const before = await snapshot(lib.dir());
    const second = await mine.importProject({ project: theirs });
    expect(second).toMatchObject({ annotationsImported: 0, annotationsSkipped: 5, groupsImported: 0, linksImported: 0, rejectedSuggestionsImported: 0 });
    expect(await snapshot(lib.dir())).toEqual(before);
  });

  it('refuses a bad project file with one message naming the reasons, and changes nothing', async () => {
    const core = await lib.open();
    await annotate(core);
    const good = JSON.parse(JSON.stringify(await core.exportProject({}))) as ProjectFile;
    const before = await snapshot(lib.dir());

    const outside = structuredClone(good);
    outside.articles[0]!.annotations[0]!.end = 1_000_000;
    outside.articles[4]!.annotations.push({ ...good.articles[0]!.annotations[0]!, id: 'fresh' });
    const duplicate = structuredClone(good);
    duplicate.articles.push({ ...duplicate.articles[0]!, annotations: [] });
    const unknown = structuredClone(good);
    unknown.sourceLinks[0]!.quote.articleId = 'not-in-library';
    const truncated = { format: 'triangulate-project', version: 1, articles: [{ id: SEED.A000 }] };

    const cases: [unknown, RegExp][] = [
      [outside, /annotation "n\d+" of article "000_9c2375f696f0b1fa": \d+–1000000 falls outside the article's \d+ characters/],
      [duplicate, /the article id "000_9c2375f696f0b1fa" appears more than once/],
      [unknown, /source link "n\d+": unknown article "not-in-library"/],
      [truncated, /does not have the shape of a project file/],
      [{ items: [] }, /not a Triangulate project file/],
      ['just text', /not a Triangulate project file/],
    ];
    for (const [project, reason] of cases) {
      const error = await apiRejection(core.importProject({ project }));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/^This project file cannot be imported: /);
      expect(error.message).toMatch(reason);
      expect(error.message).toMatch(/Nothing was changed\.$/);
    }
    expect(await snapshot(lib.dir())).toEqual(before);
  });
});
