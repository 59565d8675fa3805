import { describe, expect, it } from 'vitest';
import { SEED, passageRange, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { apiRejection } from '../../../tools/testSupport/apiRejection';

const lib = useTestLibrary();
const PASSAGE = 'never have I been so ashamed of my country';

async function code(coder: string, spans: { articleId: string; tagId: string; needle: string }[]) {
  const core = await lib.open({ creator: coder });
  for (const s of spans) await core.createAnnotation({ ...(await passageRange(core, s.articleId, s.needle)), tagId: s.tagId });
  await core.close();
}

describe('computeAgreement', () => {
  it('two coders marking the same spans agree fully; a span only one marked lowers α_u for its tag', async () => {
    await code('ana', [
      { articleId: SEED.A000, tagId: 'quote', needle: PASSAGE },
      { articleId: SEED.A000, tagId: 'claim', needle: 'Bondarev' },
    ]);
    await code('bo', [{ articleId: SEED.A000, tagId: 'quote', needle: PASSAGE }]);
    const core = await lib.open();
    const report = await core.computeAgreement({ units: 'tokens', tags: ['quote', 'claim'] });
    expect(report.coders).toEqual(['ana', 'bo']);
    expect(report.articles).toEqual([SEED.A000]);
    expect(report.tags['Quote']!.alphaU).toBeCloseTo(1, 6);
    expect(report.tags['Quote']!.reading.alphaU).toBe('reliable');
    expect(report.tags['Claim']!.alphaU!).toBeLessThan(0.5);
    expect(report.overall.kappa).not.toBeNull();
    expect(report.perArticle.map((a) => a.articleId)).toEqual([SEED.A000]);
    expect(report.overall.units).toBeGreaterThan(100);
  });

  it('refuses a scope with one coder or an unknown tag, naming it', async () => {
    await code('ana', [{ articleId: SEED.A000, tagId: 'quote', needle: PASSAGE }]);
    const core = await lib.open();
    const one = await apiRejection(core.computeAgreement({ units: 'tokens' }));
    expect(one.code).toBe('invalid_input');
    expect(one.message).toContain('the annotations here are all by "ana"');
    const tag = await apiRejection(core.computeAgreement({ units: 'sentences', coders: ['ana', 'ghost'] }));
    expect(tag.message).toContain('nobody named "ghost"');
  });
});
