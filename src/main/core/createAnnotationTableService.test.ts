import { describe, expect, it } from 'vitest';
import { SEED, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';

const lib = useTestLibrary();

describe('listAllAnnotations', () => {
  it('lists the annotations of every article as rows, filtered, sorted and paged, and sees changes made since', async () => {
    const core = await lib.open();
    const a = await core.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 12, note: 'first' });
    const b = await core.createAnnotation({ articleId: SEED.A002, tagId: 'claim', start: 20, end: 40 });
    await core.createAnnotation({ articleId: SEED.A002, tagId: 'quote', start: 50, end: 60 });

    const all = await core.listAllAnnotations({});
    expect(all.total).toBe(3);
    expect(all.creators).toEqual(['ana']);
    const rowA = all.rows.find((r) => r.id === a.id)!;
    expect(rowA).toMatchObject({ articleId: SEED.A000, exact: a.exact, prefix: a.prefix, suffix: a.suffix, note: 'first', creator: 'ana' });
    expect(rowA.articleTitle).toBe((await core.getArticle({ id: SEED.A000 })).title);

    expect((await core.listAllAnnotations({ tagIds: ['quote'] })).rows.map((r) => r.tagId)).toEqual(['quote', 'quote']);
    expect((await core.listAllAnnotations({ articleIds: [SEED.A002], limit: 1, offset: 1 })).rows).toHaveLength(1);
    expect((await core.listAllAnnotations({ text: 'FIRST' })).rows.map((r) => r.id)).toEqual([a.id]);

    await core.updateAnnotation({ articleId: SEED.A002, id: b.id, note: 'zzz last' });
    const sorted = await core.listAllAnnotations({ sort: { column: 'note', direction: 'desc' } });
    expect(sorted.rows[0]!.id).toBe(b.id);
    await core.deleteAnnotation({ articleId: SEED.A000, id: a.id });
    expect((await core.listAllAnnotations({ sort: { column: 'note', direction: 'desc' } })).total).toBe(2);
  });

  it('lists only the annotations the coders disagree on when asked, per article, and follows a change', async () => {
    const first = await lib.open();
    const same = { articleId: SEED.A002, tagId: 'claim', start: 20, end: 40 };
    await first.createAnnotation(same);
    const anaQuote = await first.createAnnotation({ articleId: SEED.A002, tagId: 'quote', start: 50, end: 60 });
    // One coder alone in an article disagrees with no one.
    await first.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 12 });
    await first.close();
    const core = await lib.open({ creator: 'bo' });
    await core.createAnnotation(same);
    const boQuote = await core.createAnnotation({ articleId: SEED.A002, tagId: 'quote', start: 50, end: 58 });
    expect(boQuote.end).not.toBe(anaQuote.end);

    const only = await core.listAllAnnotations({ disagreements: true });
    expect(only.rows.map((r) => r.id).sort()).toEqual([anaQuote.id, boQuote.id].sort());
    expect(only.creators).toEqual(['ana', 'bo']);
    expect((await core.listAllAnnotations({ disagreements: true, creators: ['bo'] })).rows.map((r) => r.id)).toEqual([boQuote.id]);

    await core.deleteAnnotation({ articleId: SEED.A002, id: boQuote.id });
    // ana's quote is now hers alone against bo's claim: still a disagreement; the claims agree.
    expect((await core.listAllAnnotations({ disagreements: true })).rows.map((r) => r.id)).toEqual([anaQuote.id]);
  });

  it('shows and filters by the canonical speaker: any name of the entity finds it, and a correction changes it', async () => {
    const core = await lib.open();
    const typed = await core.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 12, attributes: { speaker: 'Mr Bondarev' } });
    await core.createAnnotation({ articleId: SEED.A002, tagId: 'claim', start: 20, end: 40 });
    const bondarev = (await core.listEntities({})).entities.find((e) => e.name === 'Boris Bondarev')!;
    expect(bondarev).toBeDefined();

    const row = (await core.listAllAnnotations({})).rows.find((r) => r.id === typed.id)!;
    expect(row.speaker).toEqual({ id: bondarev.id, name: 'Boris Bondarev' });
    expect(row.attributes.speaker).toBe('Mr Bondarev');
    for (const name of ['boris bondarev', 'Bondarev', 'Mr Bondarev']) expect((await core.listAllAnnotations({ speaker: name })).rows.map((r) => r.id)).toEqual([typed.id]);
    expect((await core.listAllAnnotations({ speaker: 'Reuters' })).total).toBe(0);

    await core.renameEntity({ id: bondarev.id, name: 'Boris B. Bondarev' });
    expect((await core.listAllAnnotations({})).rows.find((r) => r.id === typed.id)!.speaker).toEqual({ id: bondarev.id, name: 'Boris B. Bondarev' });
    // The old canonical name is an alias now: it still finds him.
    expect((await core.listAllAnnotations({ speaker: 'Boris Bondarev' })).total).toBe(1);
  });
});
