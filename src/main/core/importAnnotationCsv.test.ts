/**
 * The annotation table (CSV) back in: `exportCsv` → readAnnotationFile →
 * importW3C, as "Import annotations…" and `import-annotations` do it.
 */
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readAnnotationFile } from '../../shared/formats/readAnnotationFile';
import type { Core } from './createCore';
import { SEED, passageRange, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';

const lib = useTestLibrary();

function readTable(csv: string): unknown {
  const read = readAnnotationFile(new TextEncoder().encode(csv));
  if (!read.ok) throw new Error(read.reason);
  expect(read.kind).toBe('w3c');
  return read.value;
}

async function allAnnotations(core: Core) {
  const all = [];
  for (const id of Object.values(SEED)) all.push(...(await core.listAnnotations({ articleId: id })));
  return all;
}

describe('an annotation table (CSV) imported', () => {
  it('brings back every annotation of an export: range, tag, note, attributes of each type, creator and dates', async () => {
    const original = await lib.open();
    await original.createAnnotation({
      ...(await passageRange(original, SEED.A000, 'like any other Monday morning')),
      tagId: 'quote',
      note: 'routine, "normal"\nday',
      attributes: { speaker: 'Boris Bondarev', form: 'direct' },
    });
    await original.createAnnotation({ ...(await passageRange(original, SEED.A001, 'Bondarev')), tagId: 'claim', attributes: { checkable: true, stance: 'disputes' } });
    await original.createAnnotation({ ...(await passageRange(original, SEED.A002, 'ashamed of my country')), tagId: 'source' });
    const before = await allAnnotations(original);
    const { csv } = await original.exportCsv({});

    const fresh = await lib.open({ dataDir: join(lib.dir(), 'fresh') });
    const report = await fresh.importW3C({ collection: readTable(csv) });
    expect(report).toMatchObject({ annotationsImported: 3, annotationsSkipped: 0, problems: [] });
    expect(await allAnnotations(fresh)).toEqual(before);
    // A second time, every row is already there.
    expect(await fresh.importW3C({ collection: readTable(csv) })).toMatchObject({ annotationsImported: 0, annotationsSkipped: 3 });
  });

  it('reads a table recoded elsewhere: a row retagged by name, a quote the spreadsheet guard rewrote, a row that names no article', async () => {
    const core = await lib.open();
    const range = await passageRange(core, SEED.A000, 'like any other Monday morning');
    const text = (await core.getArticle({ id: SEED.A004 })).text;
    const table = Papa.unparse([
      ['article_id', 'tag', 'exact', 'start', 'end', 'note'],
      [SEED.A000, 'Claim', 'like any other Monday morning', range.start, range.end, 'recoded in R'],
      ['', 'quote', text.slice(0, 40), '', '', ''],
      [SEED.A001, 'no such tag', 'Bondarev', '', '', ''],
    ]);
    const report = await core.importW3C({ collection: readTable(table), options: { createTags: false } });
    expect(report.annotationsImported).toBe(2);
    expect(report.problems).toEqual([expect.stringMatching(/^item 3: .*no such tag/)]);
    expect((await core.listAnnotations({ articleId: SEED.A000 })).map((a) => [a.tagId, a.start, a.end, a.note])).toEqual([['claim', range.start, range.end, 'recoded in R']]);
    expect((await core.listAnnotations({ articleId: SEED.A004 })).map((a) => [a.tagId, a.exact])).toEqual([['quote', text.slice(0, 40).trim()]]);
  });

  it('reads the semicolon- and tab-separated tables spreadsheets write in many locales, quoted cells included', async () => {
    const core = await lib.open();
    const range = await passageRange(core, SEED.A000, 'like any other Monday morning');
    for (const delimiter of [';', '\t']) {
      const table = Papa.unparse(
        [
          ['article_id', 'tag', 'exact', 'start', 'end', 'note'],
          [SEED.A000, 'claim', 'like any other Monday morning', range.start, range.end, `a note; with, separators (${delimiter === ';' ? 'semicolon' : 'tab'})`],
        ],
        { delimiter },
      );
      const items = readTable(table) as { body: { value?: string }[] }[];
      expect(items).toHaveLength(1);
      expect(JSON.stringify(items[0])).toContain('a note; with, separators');
    }
    const report = await core.importW3C({ collection: readTable(Papa.unparse([['article_id', 'tag', 'exact', 'start', 'end'], [SEED.A000, 'claim', 'like any other Monday morning', range.start, range.end]], { delimiter: ';' })) });
    expect(report).toMatchObject({ annotationsImported: 1, problems: [] });
  });

  it('undoes the spreadsheet guard of `exact` when there is no exact_raw', () => {
    const items = readTable(Papa.unparse([['tag', 'exact'], ['quote', "'-5 degrees"]])) as { target: { selector: { exact: string }[] } }[];
    expect(items[0]!.target.selector[0]!.exact).toBe('-5 degrees');
  });

  it('refuses a CSV that is no annotation table, saying what it needs', () => {
    const read = readAnnotationFile(new TextEncoder().encode('name,count\r\nBondarev,3\r\n'));
    expect(read).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid JSON/) });
    const noQuote = readAnnotationFile(new TextEncoder().encode('tag,note\r\nquote,x\r\n'));
    expect(noQuote.ok).toBe(false);
  });
});
