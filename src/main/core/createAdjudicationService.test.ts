import { describe, expect, it } from 'vitest';
import { SEED, passageRange, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { apiRejection } from '../../../tools/testSupport/apiRejection';

const lib = useTestLibrary();
const QUOTE = 'never have I been so ashamed of my country';

async function code(coder: string, spans: { tagId: string; needle: string; trim?: number }[]) {
  const core = await lib.open({ creator: coder });
  for (const s of spans) {
    const range = await passageRange(core, SEED.A000, s.needle);
    await core.createAnnotation({ ...range, end: range.end - (s.trim ?? 0), tagId: s.tagId });
  }
  await core.close();
}

describe('adjudication', () => {
  it('builds a consensus layer: agreements taken at once, one version of a disagreement taken, another rejected; n of m', async () => {
    await code('ana', [{ tagId: 'quote', needle: QUOTE }, { tagId: 'source', needle: 'Boris Bondarev' }, { tagId: 'claim', needle: 'quit his role' }]);
    await code('bo', [{ tagId: 'quote', needle: QUOTE }, { tagId: 'source', needle: 'Boris Bondarev', trim: 9 }]);
    const core = await lib.open({ creator: 'judge' });
    const start = await core.getAdjudication({ articleId: SEED.A000 });
    expect([start.settled, start.total]).toEqual([0, 3]);
    expect(start.agreements).toHaveLength(1);
    const source = start.disagreements.find((d) => d.versions[0]!.tagId === 'source');
    const claim = start.disagreements.find((d) => d.versions[0]!.tagId === 'claim');
    expect(source!.versions.map((v) => v.creator)).toEqual(['ana', 'bo']);
    expect(claim!.versions.map((v) => v.creator)).toEqual(['ana']);

    let now = await core.settleDisagreement({ articleId: SEED.A000, take: start.agreements.map((a) => a.annotation.id) });
    now = await core.settleDisagreement({ articleId: SEED.A000, take: [source!.versions[1]!.id] });
    now = await core.settleDisagreement({ articleId: SEED.A000, reject: claim!.key });
    expect([now.settled, now.total]).toEqual([3, 3]);
    expect(now.disagreements.find((d) => d.key === source!.key)!.settled).toBe('consensus');
    expect(now.disagreements.find((d) => d.key === claim!.key)!.settled).toBe('rejected');

    // The consensus is a coder like any other: its annotations export and count in agreement.
    const consensus = (await core.listAnnotations({ articleId: SEED.A000 })).filter((a) => a.creator === 'consensus');
    expect(consensus.map((a) => a.exact).sort()).toEqual(['Boris', QUOTE].sort());
    // Taking it again adds nothing.
    await core.settleDisagreement({ articleId: SEED.A000, take: [source!.versions[1]!.id] });
    expect((await core.listAnnotations({ articleId: SEED.A000 })).filter((a) => a.creator === 'consensus')).toHaveLength(2);
    const w3c = await core.exportW3C({});
    expect(JSON.stringify(w3c)).toContain('consensus');
  });

  it('refuses an unknown disagreement or annotation, changing nothing', async () => {
    await code('ana', [{ tagId: 'quote', needle: QUOTE }]);
    const core = await lib.open();
    expect((await apiRejection(core.settleDisagreement({ articleId: SEED.A000, reject: 'nope' }))).code).toBe('not_found');
    expect((await apiRejection(core.settleDisagreement({ articleId: SEED.A000, take: ['ghost'] }))).message).toContain('"ghost"');
    expect((await apiRejection(core.settleDisagreement({ articleId: SEED.A000 }))).code).toBe('invalid_input');
    expect((await core.listAnnotations({ articleId: SEED.A000 })).map((a) => a.creator)).toEqual(['ana']);
  });
});
