import { describe, expect, it } from 'vitest';
import { SEED, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { apiRejection } from '../../../tools/testSupport/apiRejection';

const lib = useTestLibrary();

describe('source links', () => {
  it('links a quote to a source of the same article, once, and unlinks it', async () => {
    const core = await lib.open();
    const quote = await core.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 10 });
    const source = await core.createAnnotation({ articleId: SEED.A000, tagId: 'source', start: 20, end: 30 });
    const refs = { quote: { articleId: SEED.A000, annotationId: quote.id }, source: { articleId: SEED.A000, annotationId: source.id } };
    const link = await core.linkSource(refs);
    expect(link).toMatchObject(refs);
    expect(await core.linkSource(refs)).toEqual(link);
    expect(await (await lib.open()).listSourceLinks({})).toEqual([link]);
    expect(await core.unlinkSource({ id: link.id })).toEqual({ deleted: true });
    expect(await core.listSourceLinks({})).toEqual([]);
    expect((await apiRejection(core.unlinkSource({ id: link.id }))).code).toBe('not_found');
  });

  it('refuses links that are not Quote→Source within one article', async () => {
    const core = await lib.open();
    const quote = await core.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 10 });
    const claim = await core.createAnnotation({ articleId: SEED.A000, tagId: 'claim', start: 40, end: 50 });
    const source = await core.createAnnotation({ articleId: SEED.A000, tagId: 'source', start: 20, end: 30 });
    const elsewhere = await core.createAnnotation({ articleId: SEED.A001, tagId: 'source', start: 20, end: 30 });
    const ref = (articleId: string, annotationId: string) => ({ articleId, annotationId });
    const tries = [
      { quote: ref(SEED.A000, claim.id), source: ref(SEED.A000, source.id) },
      { quote: ref(SEED.A000, quote.id), source: ref(SEED.A000, claim.id) },
      { quote: ref(SEED.A000, quote.id), source: ref(SEED.A001, elsewhere.id) },
    ];
    for (const t of tries) expect((await apiRejection(core.linkSource(t))).code).toBe('invalid_input');
    expect((await apiRejection(core.linkSource({ quote: ref(SEED.A000, 'ghost'), source: ref(SEED.A000, source.id) }))).message).toContain('"ghost"');
    expect(await core.listSourceLinks({})).toEqual([]);
  });
});
