import { describe, expect, it } from 'vitest';
import { QuoteCache } from '../store/quoteCache';
import type { Core } from './createCore';
import { SEED, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';

const lib = useTestLibrary();

async function passage(core: Core, articleId: string, needle: string) {
  const text = (await core.getArticle({ id: articleId })).text;
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`"${needle}" is not in ${articleId}`);
  return { articleId, start, end: start + needle.length };
}

describe('getCoverage', () => {
  it('has every article as a column and one row per group, with wording, paragraph and credit', async () => {
    const core = await lib.open();
    const ashamed = 'never have I been so ashamed of my country';
    const { group } = await core.acceptAlignment({
      label: 'Ashamed',
      tagId: 'quote',
      passages: [await passage(core, SEED.A000, ashamed), await passage(core, SEED.A002, ashamed)],
    });
    const told = await passage(core, SEED.A000, 'Mr Bondarev told Reuters');
    const monday = await passage(core, SEED.A000, 'like any other Monday morning');
    const source = await core.createAnnotation({ ...told, tagId: 'source' });
    const quote = await core.createAnnotation({ ...monday, tagId: 'quote' });
    await core.linkSource({ quote: { articleId: SEED.A000, annotationId: quote.id }, source: { articleId: SEED.A000, annotationId: source.id } });
    const monday2 = await core.createGroup({ label: 'Monday', members: [{ articleId: SEED.A000, annotationId: quote.id }] });

    const matrix = await core.getCoverage({});
    expect(matrix.articles.map((a) => a.id)).toEqual(Object.values(SEED));
    expect(matrix.articles[2]).toMatchObject({ date: '2022-05-23' });
    expect(matrix.rows.map((r) => [r.groupId, r.label])).toEqual([
      [group.id, 'Ashamed'],
      [monday2.id, 'Monday'],
    ]);
    const [row, mondayRow] = matrix.rows;
    expect(Object.keys(row!.cells).sort()).toEqual([SEED.A000, SEED.A002]);
    expect(row!.cells[SEED.A000]).toEqual([
      expect.objectContaining({ tagId: 'quote', exact: ashamed, paragraph: 1, creditedTo: null }),
    ]);
    expect(row!.cells[SEED.A002]![0]).toMatchObject({ exact: ashamed, paragraph: 1 });
    // Paragraphs count the non-blank lines: the Reuters line is the fourth.
    expect(mondayRow!.cells[SEED.A000]).toEqual([
      expect.objectContaining({ annotationId: quote.id, paragraph: 4, creditedTo: 'Mr Bondarev told Reuters' }),
    ]);
  });

  it('is empty of rows when there are no groups', async () => {
    const core = await lib.open();
    expect(await core.getCoverage({})).toMatchObject({ rows: [] });
  });

  it('adds each cell’s credit and its drift from the earliest wording', async () => {
    const core = await lib.open();
    const ashamed = 'never have I been so ashamed of my country';
    await core.acceptAlignment({
      label: 'Ashamed',
      tagId: 'quote',
      passages: [await passage(core, SEED.A000, ashamed), await passage(core, SEED.A002, 'I been so ashamed of my country')],
    });
    await core.updateArticle({ id: SEED.A000, date: '2022-05-01' });
    await core.updateArticle({ id: SEED.A002, date: '2022-05-30' });
    const [row] = (await core.getCoverage({})).rows;
    // The earlier article's wording is the reference; the later one cuts two words off it.
    expect(row!.cells[SEED.A000]![0]!.drift).toMatchObject({ reference: true, added: 0, dropped: 0, changed: 0 });
    expect(row!.cells[SEED.A002]![0]!.drift).toMatchObject({ reference: false, fragment: true, dropped: 2, added: 0 });
    // The credit is read around the words (both keys present, whatever the detector finds there).
    expect(row!.cells[SEED.A000]![0]).toHaveProperty('channel');
    expect(row!.cells[SEED.A000]![0]).toHaveProperty('speaker');
  });

  it('with rows "annotations": a row per Quote and Claim, grouped or not, and none for a Source', async () => {
    const core = await lib.open();
    const quote = await core.createAnnotation({ ...(await passage(core, SEED.A000, 'like any other Monday morning')), tagId: 'quote' });
    await core.createAnnotation({ ...(await passage(core, SEED.A000, 'Mr Bondarev told Reuters')), tagId: 'source' });
    const claim = await core.createAnnotation({ ...(await passage(core, SEED.A002, 'never have I been so ashamed of my country')), tagId: 'claim' });
    const { rows } = await core.getCoverage({ rows: 'annotations' });
    expect(rows.map((r) => [r.annotation?.annotationId, r.label, r.groupId])).toEqual([
      [quote.id, 'Like any other Monday morning', ''],
      [claim.id, 'Never have I been so ashamed of my', ''],
    ]);
    expect(Object.keys(rows[1]!.cells)).toEqual([SEED.A002]);
    // The default is still one row per group.
    expect((await core.getCoverage({})).rows).toEqual([]);
  });

  it('detects the quotes of a text once, through the quote cache the people index uses, across sessions', async () => {
    let core = await lib.open();
    const ashamed = 'never have I been so ashamed of my country';
    await core.acceptAlignment({ label: 'Ashamed', tagId: 'quote', passages: [await passage(core, SEED.A000, ashamed), await passage(core, SEED.A002, ashamed)] });
    const first = await core.getCoverage({});
    await core.close();
    // The coverage wrote its detections to derived/quotes.jsonl: a new session reads them, detecting nothing.
    const cache = await QuoteCache.open(lib.dir());
    core = await lib.open();
    const { text, hash } = await core.getArticle({ id: SEED.A000 });
    expect(cache.quotesOf(hash, text).quotes.length).toBeGreaterThan(0);
    expect(cache.detected).toBe(0);
    expect(await core.getCoverage({})).toEqual(first);
  });
});
