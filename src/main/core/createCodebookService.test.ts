import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCodebookFile } from '../../shared/formats/codebookFile';
import { DEFAULT_CODEBOOK, type Tag } from '../../shared/model/model';
import { apiRejection } from '../../../tools/testSupport/apiRejection';
import { SEED, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';

const lib = useTestLibrary();

const newTag = {
  name: 'Number',
  color: '#aa3366',
  key: 4,
  description: 'A figure the article gives.',
  attributes: [{ id: 'unit', name: 'Unit', type: 'choice' as const, options: ['people', 'money'] }],
};

const indexFile = async (): Promise<string> => fs.readFile(join(lib.dir(), 'index.json'), 'utf8');

describe('codebook service', () => {
  it('creates a tag with an id from its name, kept after a restart', async () => {
    const core = await lib.open();
    const { tag, codebook } = await core.saveTag({ tag: newTag });
    expect(tag).toMatchObject({ id: 'number', ...newTag });
    expect(codebook.map((t) => t.id)).toEqual(['claim', 'quote', 'source', 'number']);
    const again = await lib.open();
    expect((await again.getCodebook({})).at(-1)).toEqual(tag);
  });

  it('changes a tag by id; annotations keep it', async () => {
    const core = await lib.open();
    const made = await core.createAnnotation({ articleId: SEED.A000, tagId: 'claim', start: 0, end: 5 });
    const claim = (await core.getCodebook({}))[0]!;
    const { tag } = await core.saveTag({ tag: { ...claim, name: 'Assertion', color: '#000000', key: 9 } });
    expect(tag).toMatchObject({ id: 'claim', name: 'Assertion', key: 9 });
    expect((await core.listAnnotations({ articleId: SEED.A000 }))[0]).toMatchObject({ id: made.id, tagId: 'claim' });
  });

  it('refuses a tag breaking a rule with its message and writes nothing', async () => {
    const core = await lib.open();
    const before = await indexFile();
    const clash = await apiRejection(core.saveTag({ tag: { ...newTag, key: 2 } }));
    expect(clash).toMatchObject({ code: 'invalid_input', message: '"Quote" and "Number" both have the key 2.' });
    const noOptions = await apiRejection(
      core.saveTag({ tag: { ...newTag, attributes: [{ id: 'unit', name: 'Unit', type: 'choice', options: [] }] } }),
    );
    expect(noOptions.message).toBe('The attribute "Unit" of "Number" is a choice but offers no options.');
    const unknown = await apiRejection(core.saveTag({ tag: { ...newTag, id: 'ghost' } }));
    expect(unknown.message).toContain('no tag "ghost"');
    expect((await apiRejection(core.saveTag({ tag: { ...newTag, color: 'red' } } as never))).code).toBe('invalid_input');
    expect(await indexFile()).toBe(before);
  });

  it('reorders tags, and refuses an order that leaves one out', async () => {
    const core = await lib.open();
    expect((await core.reorderTags({ ids: ['source', 'quote', 'claim'] })).codebook.map((t) => t.id)).toEqual(['source', 'quote', 'claim']);
    expect((await apiRejection(core.reorderTags({ ids: ['source'] }))).message).toBe('A new order must name every tag of the codebook once.');
    expect((await core.getCodebook({})).map((t) => t.id)).toEqual(['source', 'quote', 'claim']);
  });

  it('deletes a tag in use with its annotations, in every article, and out of groups and credits', async () => {
    const core = await lib.open();
    const q0 = await core.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 5 });
    const q2 = await core.createAnnotation({ articleId: SEED.A002, tagId: 'quote', start: 0, end: 5 });
    const s2 = await core.createAnnotation({ articleId: SEED.A002, tagId: 'source', start: 10, end: 20 });
    const c0 = await core.createAnnotation({ articleId: SEED.A000, tagId: 'claim', start: 6, end: 9 });
    const group = await core.createGroup({
      label: 'Quotes',
      members: [
        { articleId: SEED.A000, annotationId: q0.id },
        { articleId: SEED.A000, annotationId: c0.id },
      ],
    });
    await core.createGroup({ label: 'Only quote', members: [{ articleId: SEED.A002, annotationId: q2.id }] });
    await core.linkSource({ quote: { articleId: SEED.A002, annotationId: q2.id }, source: { articleId: SEED.A002, annotationId: s2.id } });

    const result = await core.deleteTag({ id: 'quote', annotations: 'delete' });
    expect(result).toMatchObject({ moved: 0, deleted: 2 });
    expect(result.codebook.map((t) => t.id)).toEqual(['claim', 'source']);
    expect((await core.listAnnotations({ articleId: SEED.A000 })).map((a) => a.id)).toEqual([c0.id]);
    expect((await core.listAnnotations({ articleId: SEED.A002 })).map((a) => a.id)).toEqual([s2.id]);
    expect(await core.listGroups({})).toMatchObject([{ id: group.id, members: [{ articleId: SEED.A000, annotationId: c0.id }] }]);
    expect(await core.listSourceLinks({})).toEqual([]);
    const counts = (await core.listArticles({})).find((a) => a.id === SEED.A002)!.counts;
    expect(counts).toEqual({ claim: 0, source: 1 });
  });

  it('moves the annotations of a deleted tag to another, keeping the attribute values both declare', async () => {
    const core = await lib.open();
    const sourceTag = (await core.getCodebook({})).find((t) => t.id === 'source')!;
    await core.saveTag({ tag: { ...sourceTag, attributes: [...sourceTag.attributes, { id: 'speaker', name: 'Speaker', type: 'text', options: [] }] } });
    const q = await core.createAnnotation({
      articleId: SEED.A001,
      tagId: 'quote',
      start: 0,
      end: 5,
      note: 'kept',
      attributes: { speaker: 'Bondarev', form: 'direct' },
    });
    const result = await core.deleteTag({ id: 'quote', annotations: { moveTo: 'source' } });
    expect(result).toMatchObject({ moved: 1, deleted: 0 });
    const [moved] = await core.listAnnotations({ articleId: SEED.A001 });
    expect(moved).toMatchObject({ id: q.id, tagId: 'source', note: 'kept', attributes: { speaker: 'Bondarev' } });
    expect((await core.listArticles({})).find((a) => a.id === SEED.A001)!.counts).toEqual({ claim: 0, source: 1 });
    const reopened = await lib.open();
    expect((await reopened.listAnnotations({ articleId: SEED.A001 }))[0]!.tagId).toBe('source');
  });

  it('refuses to delete the last tag or move annotations to the tag itself or nowhere, changing nothing', async () => {
    const core = await lib.open();
    await core.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 5 });
    expect((await apiRejection(core.deleteTag({ id: 'quote', annotations: { moveTo: 'quote' } }))).message).toContain('itself');
    expect((await apiRejection(core.deleteTag({ id: 'quote', annotations: { moveTo: 'ghost' } }))).message).toContain('"ghost"');
    await core.deleteTag({ id: 'claim', annotations: 'delete' });
    await core.deleteTag({ id: 'source', annotations: 'delete' });
    const last = await apiRejection(core.deleteTag({ id: 'quote', annotations: 'delete' }));
    expect(last.message).toBe('The codebook needs at least one tag.');
    expect(await core.listAnnotations({ articleId: SEED.A000 })).toHaveLength(1);
  });

  it('imports a shared codebook by merging, and refuses a file that is not one', async () => {
    const core = await lib.open();
    const shared: Tag[] = [{ ...DEFAULT_CODEBOOK[1]!, name: 'Quotation', key: 1 }, { ...newTag, id: 'number', key: 5 }];
    const result = await core.importCodebook({ file: JSON.parse(JSON.stringify(toCodebookFile(shared, 'x'))) });
    expect(result).toMatchObject({ added: 1, updated: 1, kept: 2 });
    expect(result.codebook.map((t) => [t.id, t.name, t.key])).toEqual([
      ['quote', 'Quotation', 1],
      ['number', 'Number', 5],
      ['claim', 'Claim', null],
      ['source', 'Source', 3],
    ]);
    const before = await indexFile();
    const bad = await apiRejection(core.importCodebook({ file: { hello: 'world' } }));
    expect(bad).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('not a codebook') });
    expect(await indexFile()).toBe(before);
  });

  it.each(['__proto__', 'constructor', 'prototype', 'has space', 'a/b'])('refuses a shared codebook with the tag id %j, writing nothing', async (id) => {
    const core = await lib.open();
    const before = await indexFile();
    const file = JSON.parse(JSON.stringify(toCodebookFile([{ ...newTag, id, key: 5 }], 'x')));
    const bad = await apiRejection(core.importCodebook({ file }));
    expect(bad).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/not a codebook.*tags\.0\.id: .*(may not be|letters, digits)/) });
    expect(await indexFile()).toBe(before);
  });

  it('never gives a new tag a reserved id, whatever its name', async () => {
    const core = await lib.open();
    const { tag } = await core.saveTag({ tag: { ...newTag, name: 'Constructor', attributes: [] } });
    expect(tag.id).toBe('constructor-2');
  });
});
