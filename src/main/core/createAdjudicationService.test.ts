import { describe, expect, it } from 'vitest';
import { SEED, passageRange, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { apiRejection } from '../../../tools/testSupport/apiRejection';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

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

  it('takes a version edited first (span, tag, attributes, note), checked like a new annotation; the adjudicator is recorded', async () => {
    await code('ana', [{ tagId: 'source', needle: 'Boris Bondarev' }]);
    await code('bo', [{ tagId: 'source', needle: 'Boris Bondarev', trim: 9 }]);
    const core = await lib.open({ creator: 'judge' });
    const [item] = (await core.getAdjudication({ articleId: SEED.A000 })).disagreements;
    const bo = item!.versions.find((v) => v.creator === 'bo')!;
    const whole = await passageRange(core, SEED.A000, 'Boris Bondarev');

    // A span outside the text or a tag the codebook lacks is refused, and nothing is taken.
    const outside = await apiRejection(core.settleDisagreement({ articleId: SEED.A000, edited: { from: bo.id, start: 5, end: 10_000_000, tagId: 'source' } }));
    expect(outside.code).toBe('invalid_input');
    const badTag = await apiRejection(core.settleDisagreement({ articleId: SEED.A000, edited: { from: bo.id, ...whole, tagId: 'nope' } }));
    expect(badTag.message).toContain('"nope"');
    expect((await core.listAnnotations({ articleId: SEED.A000 })).filter((a) => a.creator === 'consensus')).toEqual([]);

    // bo's shorter span widened to the whole name, with a note: the consensus holds the edited version.
    const out = await core.settleDisagreement({
      articleId: SEED.A000,
      edited: { from: bo.id, start: whole.start, end: whole.end, tagId: 'source', note: 'full name' },
    });
    expect(out.created).toHaveLength(1);
    expect(out.created[0]).toMatchObject({ creator: 'consensus', exact: 'Boris Bondarev', note: 'full name', modifiedBy: 'judge' });
    expect(out.disagreements[0]!.settled).toBe('consensus');
    expect([out.settled, out.total]).toEqual([1, 1]);
  });

  it('records who rejected a disagreement and when; unreject opens it again', async () => {
    await code('ana', [{ tagId: 'claim', needle: 'quit his role' }]);
    await code('bo', [{ tagId: 'quote', needle: QUOTE }]);
    const core = await lib.open({ creator: 'judge' });
    const [first] = (await core.getAdjudication({ articleId: SEED.A000 })).disagreements;
    const rejected = await core.settleDisagreement({ articleId: SEED.A000, reject: first!.key });
    const item = rejected.disagreements.find((d) => d.key === first!.key)!;
    expect(item.settled).toBe('rejected');
    expect(item.rejection).toEqual({ coder: 'judge', at: expect.stringMatching(/^2024-01-01T/) as unknown });
    expect(rejected.created).toEqual([]);
    // Kept in its own record, not among the rejected suggestions.
    const file = JSON.parse(await readFile(join(lib.dir(), 'annotations', `${SEED.A000}.json`), 'utf8')) as Record<string, unknown>;
    expect(file.rejectedSuggestions).toEqual([]);
    expect(file.rejectedDisagreements).toEqual([{ key: first!.key, coder: 'judge', at: item.rejection!.at }]);

    const reopened = await core.settleDisagreement({ articleId: SEED.A000, unreject: first!.key });
    expect(reopened.disagreements.find((d) => d.key === first!.key)!.settled).toBeNull();
    expect(reopened.settled).toBe(rejected.settled - 1);
  });

  it('reads an older file’s adjudicated:<key> rejections as rejection records by the folder’s coder, keeping real suggestion rejections', async () => {
    await code('ana', [{ tagId: 'claim', needle: 'quit his role' }]);
    await code('bo', [{ tagId: 'quote', needle: QUOTE }]);
    const core = await lib.open();
    const [first] = (await core.getAdjudication({ articleId: SEED.A000 })).disagreements;
    await core.close();
    const path = join(lib.dir(), 'annotations', `${SEED.A000}.json`);
    const old = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    delete old.rejectedDisagreements;
    delete old.rejectedBy;
    old.rejectedSuggestions = ['quote-s1', `adjudicated:${first!.key}`];
    await writeFile(path, JSON.stringify(old));

    const again = await lib.open({ creator: 'judge' });
    const item = (await again.getAdjudication({ articleId: SEED.A000 })).disagreements.find((d) => d.key === first!.key)!;
    expect(item.settled).toBe('rejected');
    expect(item.rejection).toEqual({ coder: 'ana', at: null });
    // The next save writes the new form; the suggestion rejection stays.
    await again.settleDisagreement({ articleId: SEED.A000, take: [item.versions[0]!.id] });
    const file = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    expect(file.rejectedSuggestions).toEqual(['quote-s1']);
    expect(file.rejectedDisagreements).toEqual([{ key: first!.key, coder: 'ana', at: null }]);
  });
});
