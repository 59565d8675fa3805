import { describe, expect, it } from 'vitest';
import { apiRejection } from '../../../tools/testSupport/apiRejection';
import { SEED, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';

const lib = useTestLibrary();

describe('undo support in the core', () => {
  it('a deletion reports what it took away, and restoreAnnotations puts it all back exactly, also after a restart', async () => {
    const core = await lib.open();
    const quote = await core.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 10, note: 'keep me' });
    const source = await core.createAnnotation({ articleId: SEED.A000, tagId: 'source', start: 20, end: 30 });
    const other = await core.createAnnotation({ articleId: SEED.A002, tagId: 'quote', start: 0, end: 10 });
    const refQ = { articleId: SEED.A000, annotationId: quote.id };
    const group = await core.createGroup({ label: 'G', members: [refQ, { articleId: SEED.A002, annotationId: other.id }] });
    const link = await core.linkSource({ quote: refQ, source: { articleId: SEED.A000, annotationId: source.id } });

    const deleted = await core.deleteAnnotation({ articleId: SEED.A000, id: quote.id });
    expect(deleted.removed).toEqual({ annotation: quote, groups: [group], sourceLinks: [link] });
    expect(await core.listSourceLinks({})).toEqual([]);

    const restored = await core.restoreAnnotations({
      annotations: [deleted.removed!.annotation],
      groups: deleted.removed!.groups,
      sourceLinks: deleted.removed!.sourceLinks,
    });
    expect(restored.annotations).toEqual([quote]);
    const reopened = await lib.open();
    expect(await reopened.getAnnotation({ articleId: SEED.A000, id: quote.id })).toEqual(quote);
    expect(await reopened.listGroups({})).toEqual([group]);
    expect(await reopened.listSourceLinks({})).toEqual([link]);
  });

  it('restoring replaces a changed annotation with its earlier state', async () => {
    const core = await lib.open();
    const made = await core.createAnnotation({ articleId: SEED.A001, tagId: 'claim', start: 5, end: 25 });
    await core.updateAnnotation({ articleId: SEED.A001, id: made.id, tagId: 'quote', note: 'later' });
    await core.restoreAnnotations({ annotations: [made] });
    expect(await core.listAnnotations({ articleId: SEED.A001 })).toEqual([made]);
  });

  it('leaves out group members that are gone, and refuses an annotation whose quote no longer fits the text, writing nothing', async () => {
    const core = await lib.open();
    const a = await core.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 10 });
    const b = await core.createAnnotation({ articleId: SEED.A002, tagId: 'quote', start: 0, end: 10 });
    const group = await core.createGroup({
      label: 'G',
      members: [
        { articleId: SEED.A000, annotationId: a.id },
        { articleId: SEED.A002, annotationId: b.id },
      ],
    });
    await core.deleteAnnotation({ articleId: SEED.A002, id: b.id });
    await core.deleteGroup({ id: group.id });
    const back = await core.restoreAnnotations({ annotations: [], groups: [group] });
    expect(back.groups[0]!.members).toEqual([{ articleId: SEED.A000, annotationId: a.id }]);

    const error = await apiRejection(core.restoreAnnotations({ annotations: [{ ...b, exact: 'not the text' }] }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(`"${b.id}"`);
    expect(await core.listAnnotations({ articleId: SEED.A002 })).toEqual([]);
  });

  it('getAnnotation names an annotation that does not exist', async () => {
    const core = await lib.open();
    const error = await apiRejection(core.getAnnotation({ articleId: SEED.A000, id: 'ghost' }));
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('ghost');
  });
});

describe('restoreAnnotations unreject', () => {
  it('offers rejected suggestions again', async () => {
    const core = await lib.open();
    const [first] = await core.listSuggestions({ articleId: SEED.A002 });
    await core.decideSuggestions({ articleId: SEED.A002, decision: 'reject', ids: [first!.id] });
    expect((await core.listSuggestions({ articleId: SEED.A002 })).some((s) => s.id === first!.id)).toBe(false);
    await core.restoreAnnotations({ annotations: [], unreject: [{ articleId: SEED.A002, ids: [first!.id] }] });
    const reopened = await lib.open();
    expect((await reopened.listSuggestions({ articleId: SEED.A002 })).some((s) => s.id === first!.id)).toBe(true);
  });
});
