import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectFileSchema, type ProjectFile } from '../../shared/formats/project/projectFile';
import { apiRejection } from '../../../tools/testSupport/apiRejection';
import type { Core } from './createCore';
import { SEED, passageRange, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { strToU8, zipSync } from 'fflate';

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

  it('carries each annotation’s canonical speaker and the people index’s corrections: a round trip keeps a merge and a rename', async () => {
    const original = await lib.open();
    const quote = await original.createAnnotation({ ...(await passageRange(original, SEED.A000, 'like any other Monday morning')), tagId: 'quote', attributes: { speaker: 'Mr Bondarev' } });
    await original.createAnnotation({ ...(await passageRange(original, SEED.A002, 'Boris Bondarev')), tagId: 'claim' });
    const entities = (await original.listEntities({})).entities;
    const bondarev = entities.find((e) => e.name === 'Boris Bondarev')!;
    const browder = entities.find((e) => e.name === 'Bill Browder')!;
    await original.mergeEntities({ into: bondarev.id, from: [browder.id] });
    await original.renameEntity({ id: bondarev.id, name: 'Boris B. Bondarev' });

    const exported = JSON.parse(JSON.stringify(await original.exportProject({}))) as ProjectFile;
    expect(exported.entityCorrections).toEqual([
      { op: 'merge', into: bondarev.id, from: browder.id },
      { op: 'rename', id: bondarev.id, name: 'Boris B. Bondarev' },
    ]);
    const a000 = exported.articles.find((a) => a.id === SEED.A000)!;
    expect(a000.annotations.find((a) => a.id === quote.id)).toMatchObject({ attributes: { speaker: 'Mr Bondarev' }, speakerId: bondarev.id, speakerName: 'Boris B. Bondarev' });
    // An annotation that credits no one carries no speaker.
    expect(exported.articles.find((a) => a.id === SEED.A002)!.annotations[0]).not.toHaveProperty('speakerName');

    const empty = (name: string) =>
      lib.open({ dataDir: join(lib.dir(), name), corpusDir: join(lib.dir(), 'no-corpus-here'), newLibrary: { articles: [], codebook: exported.codebook, settings: { creator: 'ana' } } });
    const restored = await empty('restored');
    const dry = await restored.importProject({ project: exported, dryRun: true });
    expect(dry.entityCorrectionsImported).toBe(2);
    await expect(fs.stat(join(lib.dir(), 'restored', 'entities.json'))).rejects.toThrow();
    const report = await restored.importProject({ project: exported });
    expect(report).toMatchObject({ articlesImported: 5, annotationsImported: 2, entityCorrectionsImported: 2 });
    const names = (await restored.listEntities({})).entities.map((e) => e.name);
    expect(names).toContain('Boris B. Bondarev');
    expect(names).not.toContain('Bill Browder');
    // Stored as typed: the canonical name is derived, not written into the annotation file.
    const stored = JSON.parse(await fs.readFile(join(lib.dir(), 'restored', 'annotations', `${SEED.A000}.json`), 'utf8'));
    expect(stored.annotations[0]).not.toHaveProperty('speakerId');
    expect(stored.annotations[0].attributes).toEqual({ speaker: 'Mr Bondarev' });
    expect(withoutStamp(await restored.exportProject({}))).toEqual(withoutStamp(exported));
    // A second import brings no correction twice.
    expect((await restored.importProject({ project: exported })).entityCorrectionsImported).toBe(0);

    // A file from before the people index (no speakers, no corrections) reads as it did.
    const old = { ...exported, articles: exported.articles.map((a) => ({ ...a, annotations: a.annotations.map(({ speakerId: _i, speakerName: _n, ...rest }) => rest) })) };
    delete old.entityCorrections;
    const third = await empty('third');
    const oldReport = await third.importProject({ project: old });
    expect(oldReport).toMatchObject({ articlesImported: 5, annotationsImported: 2 });
    expect(oldReport.entityCorrectionsImported).toBeUndefined();
    expect((await third.listEntities({})).entities.map((e) => e.name)).toContain('Bill Browder');
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

  it('carries a rejected disagreement (key, coder, time) from one library to another', async () => {
    const judge = await lib.open({ dataDir: join(lib.dir(), 'judge'), creator: 'ana' });
    await judge.createAnnotation({ ...(await passageRange(judge, SEED.A000, 'quit his role')), tagId: 'claim' });
    await judge.close();
    const bo = await lib.open({ dataDir: join(lib.dir(), 'judge'), creator: 'bo' });
    await bo.createAnnotation({ ...(await passageRange(bo, SEED.A000, 'ashamed of my country')), tagId: 'quote' });
    const [first] = (await bo.getAdjudication({ articleId: SEED.A000 })).disagreements;
    await bo.settleDisagreement({ articleId: SEED.A000, reject: first!.key });
    const project = JSON.parse(JSON.stringify(await bo.exportProject({}))) as ProjectFile;
    expect(ProjectFileSchema.safeParse(project).success).toBe(true);

    const mine = await lib.open();
    await mine.importProject({ project });
    const item = (await mine.getAdjudication({ articleId: SEED.A000 })).disagreements.find((d) => d.key === first!.key)!;
    expect(item.settled).toBe('rejected');
    expect(item.rejection).toMatchObject({ coder: 'bo' });
    // Not taken for a suggestion id, and not an article field.
    expect((await mine.getArticle({ id: SEED.A000 })) as unknown as Record<string, unknown>).not.toHaveProperty('rejectedDisagreements');
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

/** Another tool's .qdpx (modelled on QualCoder's): one text source, codes "Trust" and "Port", one PDF source. */
function otherToolQdpx(): string {
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Interviews" origin="QualCoder" creatingUserGUID="11111111-1111-4111-8111-111111111111">
  <Users><User guid="11111111-1111-4111-8111-111111111111" name="maria"/></Users>
  <CodeBook><Codes>
    <Code guid="22222222-2222-4222-8222-222222222222" name="Trust" isCodable="true" color="#A0C"/>
    <Code guid="22222222-2222-4222-8222-222222222223" name="Port" isCodable="true"/>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="33333333-3333-4333-8333-333333333333" name="interview-01.txt" plainTextPath="internal://33333333-3333-4333-8333-333333333333.txt">
      <PlainTextSelection guid="44444444-4444-4444-8444-444444444444" name="I trust them" startPosition="4" endPosition="16" creatingUser="11111111-1111-4111-8111-111111111111">
        <Coding guid="55555555-5555-4555-8555-555555555555" creatingUser="11111111-1111-4111-8111-111111111111"><CodeRef targetGUID="22222222-2222-4222-8222-222222222222"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="44444444-4444-4444-8444-444444444445" name="the port" startPosition="29" endPosition="37" creatingUser="11111111-1111-4111-8111-111111111111">
        <Coding guid="55555555-5555-4555-8555-555555555556" creatingUser="11111111-1111-4111-8111-111111111111"><CodeRef targetGUID="22222222-2222-4222-8222-222222222223"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <PDFSource guid="66666666-6666-4666-8666-666666666666" name="scan.pdf" path="internal://66666666-6666-4666-8666-666666666666.pdf"/>
  </Sources>
</Project>`;
  const text = 'Q1: I trust them, mostly. At the port they said so.';
  return Buffer.from(zipSync({ 'project.qde': strToU8(xml), 'sources/33333333-3333-4333-8333-333333333333.txt': strToU8(text) })).toString('base64');
}

describe('importQdpx and the tag choices', () => {
  it('a dry run lists the codes the codebook lacks and what cannot come in, and stores nothing', async () => {
    const core = await lib.open();
    const before = await snapshot(lib.dir());
    const report = await core.importQdpx({ base64: otherToolQdpx(), options: {}, dryRun: true });
    expect(report.unknownTags).toEqual([{ name: 'Port', items: 1 }, { name: 'Trust', items: 1 }]);
    expect(report).toMatchObject({ articlesImported: 1, annotationsImported: 0, tagsCreated: [] });
    expect(report.problems).toContain('PDF source "scan.pdf" skipped: only text sources are imported');
    expect(report.problems).toContain('annotation "qdpx-44444444-4444-4444-8444-444444444444" of article "interview-01-txt-33333333" (“I trust them”): left out, its tag "Trust" is not in the codebook and was neither mapped nor created');
    expect(await snapshot(lib.dir())).toEqual(before);
  });

  it('imports with the researcher’s choices: one code mapped onto a tag, one created; the report says what was left out', async () => {
    const core = await lib.open();
    const report = await core.importQdpx({ base64: otherToolQdpx(), options: { tagMap: { Trust: 'claim' }, createTags: ['Port'] } });
    expect(report).toMatchObject({ articlesImported: 1, annotationsImported: 2, unknownTags: [], tagsCreated: ['Port'] });
    expect(report.problems).toEqual(['PDF source "scan.pdf" skipped: only text sources are imported']);
    const articleId = (await core.listArticles({})).find((a) => a.title === 'interview-01.txt')!.id;
    const annotations = await core.listAnnotations({ articleId });
    expect(annotations.map((a) => [a.exact, a.tagId, a.creator])).toEqual([['I trust them', 'claim', 'maria'], ['the port', 'port', 'maria']]);
    expect((await core.getCodebook({})).map((t) => t.name)).toContain('Port');
  });

  it('refuses what is not a .qdpx, saying why, and changes nothing', async () => {
    const core = await lib.open();
    const before = await snapshot(lib.dir());
    const error = await apiRejection(core.importQdpx({ base64: Buffer.from('not a zip').toString('base64') }));
    expect(error.message).toMatch(/^This \.qdpx file cannot be imported: it is not a REFI-QDA \(\.qdpx\) file \(a REFI-QDA \(\.qdpx\) file is a ZIP archive/);
    expect(await snapshot(lib.dir())).toEqual(before);
  });

  it('a project file’s unknown tag left out in the app drops its annotations and says so; a dry run of a W3C file stores nothing', async () => {
    const colleague = await lib.open({ dataDir: join(lib.dir(), 'bo'), creator: 'bo' });
    await colleague.saveTag({ tag: { name: 'Trust', color: '#aa00cc', key: null, description: '', attributes: [] } });
    await colleague.createAnnotation({ ...(await passageRange(colleague, SEED.A000, 'Mr Bondarev told Reuters')), tagId: 'trust' });
    const theirs = JSON.parse(JSON.stringify(await colleague.exportProject({})));
    const mine = await lib.open();
    const before = await snapshot(lib.dir());
    const preview = await mine.importProject({ project: theirs, options: {}, dryRun: true });
    expect(preview.unknownTags).toEqual([{ name: 'Trust', items: 1 }]);
    expect(await snapshot(lib.dir())).toEqual(before);
    const report = await mine.importProject({ project: theirs, options: {} });
    expect(report).toMatchObject({ annotationsImported: 0, tagsImported: 0, unknownTags: [{ name: 'Trust', items: 1 }] });
    expect(report.problems).toEqual([expect.stringMatching(/^annotation "n\d+" of article "000_9c2375f696f0b1fa" \(“Mr Bondarev told Reuters”\): left out, its tag "Trust"/)]);
    expect((await mine.getCodebook({})).map((t) => t.id)).not.toContain('trust');

    const w3c = await colleague.exportW3C({});
    const w3cBefore = await snapshot(lib.dir());
    const w3cPreview = await mine.importW3C({ collection: w3c, dryRun: true });
    expect(w3cPreview.unknownTags).toEqual([{ name: 'Trust', items: 1 }]);
    expect(await snapshot(lib.dir())).toEqual(w3cBefore);
  });
});
