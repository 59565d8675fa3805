import { describe, expect, it } from 'vitest';
import { SEED, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { apiRejection } from '../../../tools/testSupport/apiRejection';

const lib = useTestLibrary();

describe('getCopyMatrix', () => {
  it('over the seed library: every article once, by date, shares whose passages lie in both texts', async () => {
    const core = await lib.open();
    const m = await core.getCopyMatrix({});
    expect(new Set(m.articles.map((a) => a.id))).toEqual(new Set(Object.values(SEED)));
    const dates = m.articles.map((a) => a.date).filter((d): d is string => d !== null);
    expect(dates).toEqual([...dates].sort());
    expect(m.articles.every((a) => a.title.length > 0)).toBe(true);
    expect(m.pairs.length).toBeGreaterThan(0);
    const texts = await Promise.all(m.articles.map(async (a) => (await core.getArticle({ id: a.id })).text));
    for (const p of m.pairs) {
      expect(p.aShare).toBeGreaterThan(0);
      expect(p.bShare).toBeGreaterThan(0);
      for (const s of p.passages) {
        // A shared passage reads nearly the same in both: here, same first and last word.
        const [a, b] = [texts[p.a]!.slice(s.aStart, s.aEnd), texts[p.b]!.slice(s.bStart, s.bEnd)];
        const word = (text: string, at: number) => text.split(/\s+/).at(at)!.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
        expect(word(a, 0)).toBe(word(b, 0));
        expect(word(a, -1)).toBe(word(b, -1));
      }
    }
  });

  it('takes chosen articles, names an unknown one, and needs two different ones', async () => {
    const core = await lib.open();
    const chosen = await core.getCopyMatrix({ articleIds: [SEED.A000, SEED.A001] });
    expect(chosen.articles.map((a) => a.id).sort()).toEqual([SEED.A000, SEED.A001].sort());
    const missing = await apiRejection(core.getCopyMatrix({ articleIds: [SEED.A000, 'nope'] }));
    expect(missing.code).toBe('not_found');
    expect(missing.message).toContain('"nope"');
    expect((await apiRejection(core.getCopyMatrix({ articleIds: [SEED.A000, SEED.A000] }))).code).toBe('invalid_input');
  });
});
