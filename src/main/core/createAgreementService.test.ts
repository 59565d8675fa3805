import { basename } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SEED, passageRange, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { apiRejection } from '../../../tools/testSupport/apiRejection';

/** The annotation files read (every read of a data file goes through readDataEntry), as paths. */
const readFiles = vi.hoisted(() => [] as string[]);
vi.mock('../safety/readDataEntry', async (original) => {
  const real = await original<typeof import('../safety/readDataEntry')>();
  const seen = (path: string) => {
    if (/[/\\]annotations[/\\][^/\\]+\.json$/.test(path)) readFiles.push(path);
  };
  return {
    ...real,
    readDataEntry: (path: string) => (seen(path), real.readDataEntry(path)),
    readDataEntrySync: (path: string) => (seen(path), real.readDataEntrySync(path)),
  };
});

const lib = useTestLibrary();
const PASSAGE = 'never have I been so ashamed of my country';

async function code(coder: string, spans: { articleId: string; tagId: string; needle: string }[]) {
  // Without the start's backup, which reads every file it copies.
  const core = await lib.open({ creator: coder, backups: false });
  for (const s of spans) await core.createAnnotation({ ...(await passageRange(core, s.articleId, s.needle)), tagId: s.tagId });
  // The library's list at start counts every article (counts.json then holds them all).
  await core.listCoders({});
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

  it('reads the annotation files of the articles compared only: who coded which article comes from counts.json (issue 20)', async () => {
    await code('ana', [
      { articleId: SEED.A000, tagId: 'quote', needle: PASSAGE },
      { articleId: SEED.A001, tagId: 'quote', needle: 'the' },
      { articleId: SEED.A002, tagId: 'quote', needle: 'the' },
    ]);
    await code('bo', [
      { articleId: SEED.A000, tagId: 'quote', needle: PASSAGE },
      { articleId: SEED.A003, tagId: 'quote', needle: 'the' },
    ]);
    const core = await lib.open({ backups: false });
    readFiles.length = 0;
    const report = await core.computeAgreement({ units: 'tokens', tags: ['quote'] });
    expect(report.coders).toEqual(['ana', 'bo']);
    expect(report.articles).toEqual([SEED.A000]);
    expect(report.tags['Quote']!.alphaU).toBeCloseTo(1, 6);
    expect(readFiles.map((path) => basename(path, '.json'))).toEqual([SEED.A000]);
  });
});
