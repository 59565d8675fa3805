import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgreementReport } from '../../shared/agreement/annotationAgreement';
import { recordingIo } from '../../../tools/testSupport/recordingIo';
import { SEED, passageRange, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { runAgreement } from './cliAgreement';

const lib = useTestLibrary();

/** ana and ben code two seed articles through the core: the same claims, quotes cut differently, stances partly agreeing. */
async function twoCoders(): Promise<void> {
  for (const coder of ['ana', 'ben'] as const) {
    const core = await lib.open({ creator: coder });
    await core.createAnnotation({ ...(await passageRange(core, SEED.A000, 'Boris Bondarev, Counsellor at Russia’s permanent mission')), tagId: 'claim', attributes: { stance: 'neutral' } });
    await core.createAnnotation({
      ...(await passageRange(core, SEED.A000, 'the level of lies and unprofessionalism in the Foreign Ministry has only been increasing')),
      tagId: 'claim',
      attributes: { stance: coder === 'ana' ? 'disputes' : 'neutral' },
    });
    await core.createAnnotation({ ...(await passageRange(core, SEED.A000, coder === 'ana' ? 'never have I been so ashamed of my country' : 'so ashamed of my country')), tagId: 'quote' });
    await core.createAnnotation({ ...(await passageRange(core, SEED.A000, 'simply cannot')), tagId: 'quote' });
    await core.createAnnotation({ ...(await passageRange(core, SEED.A001, coder === 'ana' ? 'Bondarev' : 'Boris Bondarev')), tagId: 'source' });
    await core.close();
  }
  // cem only touched a third article: it is left out unless asked for.
  const cem = await lib.open({ creator: 'cem' });
  await cem.createAnnotation({ ...(await passageRange(cem, SEED.A002, 'ashamed of my country')), tagId: 'quote' });
  await cem.close();
}

async function agreementJson(...args: string[]): Promise<AgreementReport> {
  const io = recordingIo(lib.dir());
  expect(await runAgreement(['--data', lib.dir(), '--json', ...args], io)).toBe(0);
  expect(io.stderr).toEqual([]);
  return JSON.parse(io.stdout.join('\n')) as AgreementReport;
}

describe('npm run cli -- agreement', () => {
  it('prints the JSON report for two coders: alpha_u per tag and overall, alpha, kappa, percent agreement, units', async () => {
    await twoCoders();
    const report = await agreementJson('--coders', 'ana,ben');
    expect(report.coders).toEqual(['ana', 'ben']);
    expect(report.articles).toEqual([SEED.A000, SEED.A001]);
    expect(Object.keys(report.tags)).toEqual(['Claim', 'Quote', 'Source']);
    expect(report.tags.Claim).toMatchObject({ alphaU: 1, alpha: 1, kappa: 1, percentAgreement: 100 });
    expect(report.tags.Quote!.alphaU).toBeLessThan(1);
    expect(report.tags.Quote!.alphaU).toBeGreaterThan(0);
    expect(report.tags.Quote!.percentAgreement).toBeLessThan(100);
    expect(report.overall.kappa).toEqual(expect.any(Number));
    expect(report.overall.units).toBe(report.perArticle.reduce((n, a) => n + a.overall.units, 0));
    expect(report.overall.units).toBeGreaterThan(300);
    for (const key of ['alphaU', 'alpha', 'kappa', 'percentAgreement', 'units'] as const) expect(report.overall[key]).toEqual(expect.any(Number));
    // Stance: one claim alike, one not.
    expect(report.tags.Claim!.attributes.Stance).toMatchObject({ level: 'nominal', units: 2, percentAgreement: 50 });
    expect(report.tags.Claim!.spans).toEqual([2, 2]);
  });

  it('takes every coder by default, leaving out articles not all of them coded; kappa is then null', async () => {
    await twoCoders();
    const io = recordingIo(lib.dir());
    expect(await runAgreement(['--data', lib.dir(), '--json'], io)).toBe(1);
    expect(io.stderr).toEqual(['triangulate agreement: no article has annotations by each of "ana", "ben", "cem" (name the articles to compare them anyway)']);
    const report = await agreementJson('--articles', `${SEED.A000},${SEED.A002}`, '--tags', 'quote');
    expect(report.coders).toEqual(['ana', 'ben', 'cem']);
    expect(Object.keys(report.tags)).toEqual(['Quote']);
    expect(report.overall.kappa).toBeNull();
    expect(report.overall.fleissKappa).toEqual(expect.any(Number));
    expect(report.perArticle.map((a) => a.articleId)).toEqual([SEED.A000, SEED.A002]);
  });

  it('writes the figures as CSV too with --csv FILE', async () => {
    await twoCoders();
    const report = await agreementJson('--coders', 'ana,ben', '--csv', 'agreement.csv');
    const csv = await readFile(join(lib.dir(), 'agreement.csv'), 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^scope,tag,attribute,article_id,alpha_u,alpha,cohen_kappa,/);
    expect(lines[1]).toMatch(new RegExp(`^overall,,,,${report.overall.alphaU},${report.overall.alpha},${report.overall.kappa},`));
    expect(lines.filter((l) => l.startsWith('article,'))).toHaveLength(2);
  });

  it('counts sentences as units when asked', async () => {
    await twoCoders();
    const words = await agreementJson('--coders', 'ana,ben');
    const sentences = await agreementJson('--coders', 'ana,ben', '--units', 'sentences');
    expect(sentences.unitKind).toBe('sentences');
    expect(sentences.overall.units).toBeGreaterThan(10);
    expect(sentences.overall.units).toBeLessThan(words.overall.units / 5);
    expect(sentences.overall.alphaU).toBe(words.overall.alphaU);
  });

  it('prints a readable table with the reading', async () => {
    await twoCoders();
    const io = recordingIo(lib.dir());
    expect(await runAgreement(['--data', lib.dir(), '--coders', 'ana,ben'], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(io.stdout[0]).toMatch(/^Agreement of ana, ben on 2 articles \([\d,]+ words as units\)$/);
    expect(text).toMatch(/^Claim +1\.000 +1\.000 +1\.000 +1\.000 +100\.0% +reliable \/ reliable$/m);
    expect(text).toMatch(/^ {2}Stance \(nominal, 2 spans\) /m);
    expect(text).toContain('Reading: α ≥ .800 reliable; .667–.800 tentative conclusions only; below .667 unreliable.');
  });

  it('names a tag, coder or article that is not there, and a bad --units, and exits non-zero', async () => {
    await twoCoders();
    const cases: [string[], number, string][] = [
      [['--tags', 'Frame'], 1, 'triangulate agreement: there is no tag "Frame" in the codebook (tags: "Claim", "Quote", "Source")'],
      [['--coders', 'ana,dan'], 1, 'triangulate agreement: nobody named "dan" made annotations here (coders: "ana", "ben", "cem")'],
      [['--articles', 'nope'], 1, 'triangulate agreement: there is no article with id "nope"'],
      [['--units', 'words'], 2, 'triangulate agreement: --units must be tokens or sentences, not "words"'],
      [['--data', join(lib.dir(), 'missing')], 1, `triangulate agreement: the data folder ${join(lib.dir(), 'missing')} does not exist (start Triangulate once, or pass --data DIR)`],
    ];
    for (const [args, code, message] of cases) {
      const io = recordingIo(lib.dir());
      expect(await runAgreement(['--data', lib.dir(), ...args], io)).toBe(code);
      expect(io.stderr[0]).toBe(message);
      expect(io.stdout).toEqual([]);
    }
  });

  it('says so when only one coder has annotated', async () => {
    const core = await lib.open({ creator: 'ana' });
    await core.createAnnotation({ ...(await passageRange(core, SEED.A000, 'simply cannot')), tagId: 'quote' });
    await core.close();
    const io = recordingIo(lib.dir());
    expect(await runAgreement(['--data', lib.dir()], io)).toBe(1);
    expect(io.stderr).toEqual(['triangulate agreement: agreement needs two or more coders; the annotations here are all by "ana"']);
  });
});
