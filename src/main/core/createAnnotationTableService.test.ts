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
});
