/**
 * Other tools' W3C files imported as the tools emit them (fixtures in
 * otherToolFixtures/, see its README): each item that comes in is anchored in
 * the right article, each that does not is reported with its reason, and
 * what was read but not used is noted.
 */
import * as fs from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../shared/model/model';
import { createCore, type Core } from '../core/createCore';
import { SEED_CORPUS } from '../../../tools/testSupport/useTestLibrary';
import { textHash } from '../store/textHash';
import { FIXTURE_ARTICLES } from './otherToolFixtures/articles';

const FIXTURES = fileURLToPath(new URL('./otherToolFixtures', import.meta.url));
const fixture = async (name: string): Promise<unknown> => JSON.parse(await fs.readFile(join(FIXTURES, name), 'utf8'));

let dir = '';
let core: Core;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'triangulate-othertools-'));
  let id = 0;
  core = await createCore({
    dataDir: dir,
    corpusDir: SEED_CORPUS,
    creator: 'ana',
    now: () => new Date('2024-06-01T00:00:00.000Z'),
    newId: () => `n${++id}`,
    alignWorkerFile: null,
    newLibrary: {
      articles: FIXTURE_ARTICLES.map((a) => ({ ...a, date: null, outlet: null, author: null, note: '', hash: textHash(a.text), length: a.text.length })),
      codebook: DEFAULT_CODEBOOK,
      settings: { creator: 'ana' },
    },
  });
});
afterEach(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

const textOf = (id: string) => FIXTURE_ARTICLES.find((a) => a.id === id)!.text;

describe('a Hypothesis export, as Hypothesis writes it', () => {
  it('finds the article by its address (www., scheme, trailing slash, utm_ and #fragment aside), takes the tags and the comment', async () => {
    const report = await core.importW3C({ collection: await fixture('hypothesis.json') });
    expect(report).toMatchObject({ annotationsImported: 2, annotationsSkipped: 0 });
    const annotations = await core.listAnnotations({ articleId: 'harbour-strike' });
    expect(annotations.map((a) => [a.tagId, textOf('harbour-strike').slice(a.start, a.end), a.creator, a.note])).toEqual([
      ['quote', 'We will not load a single ship until the rota is fixed', 'reader1@hypothes.is', "The union's condition, in its own words."],
      ['source', 'union spokesperson Mara Quinn told the Ellis Gazette', 'reader1@hypothes.is', ''],
    ]);
    expect(report.notes).toEqual([
      'https://hypothes.is/a/hyp-1: its RangeSelector was ignored (a plain text has no document structure); anchored by its quote',
      'https://hypothes.is/a/hyp-2: its XPathSelector was ignored (a plain text has no document structure); anchored by its quote',
      'https://hypothes.is/a/hyp-2: positions inside refinedBy count from their parent selection and were ignored',
    ]);
    expect(report.problems).toEqual([
      'https://hypothes.is/a/hyp-3: has no tag (no tagging, classifying or identifying body); give a tag for untagged items to import it',
      'https://hypothes.is/a/hyp-4: unknown tag "labour" (the codebook has Claim, Quote, Source); map it to a tag or create it',
      'https://hypothes.is/a/hyp-5: names "https://other.example.net/weather-today", which is not in this library, and no article of the library holds its quote "Sunny spells and a light breeze"',
    ]);
    expect(report.unknownTags).toEqual([{ name: 'labour', items: 1 }]);
  });

  it('imports the untagged comment and the unknown tag once the user says what they are', async () => {
    const report = await core.importW3C({ collection: await fixture('hypothesis.json'), options: { untaggedAs: 'claim', tagMap: { Labour: 'claim' } } });
    expect(report).toMatchObject({ annotationsImported: 4, unknownTags: [] });
    expect(report.problems).toHaveLength(1);
    const claims = (await core.listAnnotations({ articleId: 'harbour-strike' })).filter((a) => a.tagId === 'claim');
    expect(claims.map((a) => [a.exact, a.note])).toEqual([
      ['talks over night shifts collapsed', ''],
      ['contingency crews were ready', 'Is this confirmed anywhere else?'],
    ]);
  });
});

describe('a Recogito export (no source on the target)', () => {
  it('finds the article by the quote and its surroundings, and reports a quote two articles hold equally well', async () => {
    const report = await core.importW3C({ collection: await fixture('recogito.json'), options: { tagMap: { person: 'source' } } });
    expect(report).toMatchObject({ annotationsImported: 1 });
    const [quinn] = await core.listAnnotations({ articleId: 'harbour-strike' });
    expect(quinn).toMatchObject({ tagId: 'source', start: 166, end: 176, exact: 'Mara Quinn', note: 'Speaks for the dock workers.', creator: 'ana' });
    expect(report.notes).toEqual(['#3c4ef6b2-8e4d-4d2b-9b8e-0a1f5d6c7e01: found in article "harbour-strike" by its quote']);
    expect(report.problems).toEqual([
      '#9a0d1e77-5b2c-4f6a-8d3e-2c4b6a8e0f12: names no article (its target has no source), and its quote is in several articles equally well (harbour-strike, harbour-day-two); not imported',
    ]);
  });
});

describe('an INCEpTION-style file (source = file name, purpose classifying)', () => {
  it('finds the article by its file name or by its quote, reads classifying as a tag, and creates a tag on request', async () => {
    const without = await core.importW3C({ collection: await fixture('inception.json') });
    expect(without).toMatchObject({ annotationsImported: 1, unknownTags: [{ name: 'Infrastructure', items: 1 }] });
    const report = await core.importW3C({ collection: await fixture('inception.json'), options: { createTags: true } });
    expect(report).toMatchObject({ annotationsImported: 1, annotationsSkipped: 1, tagsCreated: ['Infrastructure'], problems: [] });
    const annotations = await core.listAnnotations({ articleId: 'bridge-closure' });
    expect(annotations.map((a) => [a.tagId, a.exact])).toEqual([
      ['claim', 'Engineers found corrosion in two support beams'],
      ['infrastructure', 'Commuters will be directed to the north crossing'],
    ]);
    expect((await core.getCodebook({})).find((t) => t.id === 'infrastructure')).toMatchObject({ name: 'Infrastructure', key: null });
  });
});
