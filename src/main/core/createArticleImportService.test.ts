import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ArticleIdSchema } from '../../shared/model/model';
import { SEED, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';

const lib = useTestLibrary();
const FIXTURES = fileURLToPath(new URL('../import/fixtures', import.meta.url));

async function fixture(name: string): Promise<{ name: string; data: string }> {
  return { name, data: (await fs.readFile(join(FIXTURES, name))).toString('base64') };
}

const asFile = (name: string, content: string | Buffer) => ({ name, data: Buffer.from(content).toString('base64') });

/** index.json and every text file, as stored. */
async function storedState(dir: string): Promise<Record<string, string>> {
  const state: Record<string, string> = { 'index.json': await fs.readFile(join(dir, 'index.json'), 'utf8') };
  for (const name of (await fs.readdir(join(dir, 'texts'))).sort()) state[name] = await fs.readFile(join(dir, 'texts', name), 'utf8');
  return state;
}

describe('importArticles: bad inputs', () => {
  const cases: [string, RegExp][] = [
    ['empty.txt', /^the file is empty$/],
    ['whitespace-only.txt', /only white space/],
    ['binary.txt', /binary file, not text \(it holds a NUL byte at byte 8\)/],
    ['invalid-utf8.txt', /not valid UTF-8 text \(first bad byte at 3\)/],
    ['not-ours.json', /JSON but not an article batch: it has no "text" field/],
    ['w3c-annotations.json', /W3C Web Annotation JSON, not articles/],
    ['truncated.json', /not complete JSON: it ends part way \(truncated\?\)/],
    ['truncated.jsonl', /^line 2 is not complete JSON/],
    ['scripts.html', /no article text once scripts, styles and markup are removed/],
    ['duplicate-ids.jsonl', /line 3: id "story-1" is used twice \(also by line 1\)/],
    ['bad-items.json', /item 2: "text" is missing; item 3: "text" is empty; item 4: "title" must be a string, not a number; and 1 more \(nothing from this file was imported\)/],
    ['unknown-field.jsonl', /line 1: unknown fields "headline", "body"/],
    ['empty-batch.json', /holds no articles/],
    ['notes.pdf', /^it is not a readable PDF \(damaged, or not a PDF at all/],
    ['notes.png', /files ending in \.png are not imported; use \.txt, \.md/],
  ];

  for (const [name, reason] of cases) {
    it(`${name}: one clear failure naming the file, nothing stored changes`, async () => {
      const core = await lib.open();
      const before = await storedState(lib.dir());
      const report = await core.importArticles({ files: [await fixture(name)] });
      expect(report.imported).toEqual([]);
      expect(report.duplicates).toEqual([]);
      expect(report.failures).toHaveLength(1);
      expect(report.failures[0]!.file).toBe(name);
      expect(report.failures[0]!.reason).toMatch(reason);
      expect(await storedState(lib.dir())).toEqual(before);
      expect((await core.listArticles({})).length).toBe(5);
    });
  }

  it('refuses a file over 20 MB by its size', async () => {
    const core = await lib.open();
    const before = await storedState(lib.dir());
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 'a');
    const report = await core.importArticles({ files: [asFile('huge.txt', big)] });
    expect(report.failures).toEqual([{ file: 'huge.txt', reason: 'it is 20.0 MB, over the 20 MB limit for one file' }]);
    expect(await storedState(lib.dir())).toEqual(before);
  });

  it('refuses data that is not base64', async () => {
    const core = await lib.open();
    const report = await core.importArticles({ files: [{ name: 'a.txt', data: 'not base64!' }] });
    expect(report.failures).toEqual([{ file: 'a.txt', reason: 'its data is not base64-encoded bytes' }]);
  });

  it('imports the good files of a batch and reports the bad ones', async () => {
    const core = await lib.open();
    const files = [await fixture('empty.txt'), await fixture('good/plain.txt'), await fixture('binary.txt'), await fixture('good/batch.jsonl')];
    const report = await core.importArticles({ files });
    expect(report.failures.map((f) => f.file)).toEqual(['empty.txt', 'binary.txt']);
    expect(report.imported.map((a) => [a.file, a.title])).toEqual([
      ['good/plain.txt', 'Ministers met on Tuesday.'],
      ['good/batch.jsonl', 'Wire story'],
      ['good/batch.jsonl', 'An untitled item.'],
    ]);
    expect((await core.listArticles({})).length).toBe(8);
  });
});

describe('importArticles: readers', () => {
  it('stores each kind with canonical text, hash-derived ids and metadata', async () => {
    const core = await lib.open();
    const names = ['good/plain.txt', 'good/story.md', 'good/page.html', 'good/batch.json'];
    const report = await core.importArticles({ files: await Promise.all(names.map(fixture)) });
    expect(report.failures).toEqual([]);
    expect(report.imported).toHaveLength(5);
    for (const { id } of report.imported) {
      expect(ArticleIdSchema.safeParse(id).success).toBe(true);
      expect(id).toMatch(/^art_[0-9a-f]{16}$/);
    }

    const plain = await core.getArticle({ id: report.imported[0]!.id });
    expect(plain).toMatchObject({
      title: 'Ministers met on Tuesday.',
      date: '2024-02-01',
      origin: 'good/plain.txt',
      text: 'Ministers met on Tuesday. They agreed on nothing.\n\nA second paragraph follows.\n',
    });
    expect(plain.length).toBe(plain.text.length);

    const story = await core.getArticle({ id: report.imported[1]!.id });
    expect(story.title).toBe('Floods close the valley road');
    expect(story.text).toBe(
      'Floods close the valley road\n\nThe road was closed on Monday after heavy rain, officials said.\n\nSchools shut early\n\nTrains ran late\n\nResidents were told to stay home & wait.',
    );

    const page = await core.getArticle({ id: report.imported[2]!.id });
    expect(page).toMatchObject({
      title: 'Wahl in Bern: Ergebnis knapp',
      outlet: 'Example Zeitung',
      author: 'Anna Muster',
      date: '2023-10-22',
      url: 'https://zeitung.example/wahl-bern',
      language: 'de-CH',
      text: 'Wahl in Bern\n\nDas Ergebnis war knapp\u00a0– sehr knapp.\n\nErste Zeile\nzweite Zeile',
    });

    const [one, two] = [await core.getArticle({ id: report.imported[3]!.id }), await core.getArticle({ id: report.imported[4]!.id })];
    expect(one).toMatchObject({ title: 'Array one', outlet: 'Daily', date: '2024-05-02', language: 'fr', author: null });
    expect(two).toMatchObject({ title: 'Array two', outlet: null, date: null });

    // The same import again: every text is a duplicate, nothing is stored twice.
    const again = await core.importArticles({ files: await Promise.all(names.map(fixture)) });
    expect(again.imported).toEqual([]);
    expect(again.duplicates.map((d) => [d.file, d.sameAs])).toEqual([
      ['good/plain.txt', report.imported[0]!.id],
      ['good/story.md', report.imported[1]!.id],
      ['good/page.html', report.imported[2]!.id],
      ['good/batch.json (item 1)', report.imported[3]!.id],
      ['good/batch.json (item 2)', report.imported[4]!.id],
    ]);
    expect((await core.listArticles({})).length).toBe(10);
  });

  it('reports a text the library already holds (after canonicalisation) as a duplicate', async () => {
    const core = await lib.open();
    const seed = await core.getArticle({ id: SEED.A001 });
    const report = await core.importArticles({ files: [asFile('copy.txt', seed.text.replace(/\n/g, '\r\n'))] });
    expect(report.imported).toEqual([]);
    expect(report.duplicates).toEqual([{ file: 'copy.txt', title: seed.title, sameAs: SEED.A001, sameAsTitle: seed.title }]);
  });

  it('stores a text once when the same batch holds it twice', async () => {
    const core = await lib.open();
    const report = await core.importArticles({
      files: [asFile('a.txt', 'Same words here.'), asFile('b.md', 'Same words here.'), asFile('c.jsonl', '{"text":"Same words here."}\n{"text":"Other words."}')],
    });
    expect(report.imported.map((a) => a.file)).toEqual(['a.txt', 'c.jsonl']);
    expect(report.duplicates.map((d) => [d.file, d.sameAs])).toEqual([
      ['b.md', report.imported[0]!.id],
      ['c.jsonl (line 1)', report.imported[0]!.id],
    ]);
  });

  it('keeps ids a batch asks for, and refuses the file when the library already uses one', async () => {
    const core = await lib.open();
    const ok = await core.importArticles({ files: [asFile('ids.jsonl', '{"id":"mine-1","text":"Asked for an id."}')] });
    expect(ok.imported.map((a) => a.id)).toEqual(['mine-1']);
    const before = await storedState(lib.dir());
    const clash = await core.importArticles({
      files: [asFile('clash.jsonl', `{"text":"A new text."}\n{"id":"${SEED.A000}","text":"Another new text."}`)],
    });
    expect(clash.imported).toEqual([]);
    expect(clash.failures).toEqual([
      { file: 'clash.jsonl', reason: `line 2: id "${SEED.A000}" is already used by another article in the library (nothing from this file was imported)` },
    ]);
    expect(await storedState(lib.dir())).toEqual(before);

    const twice = await core.importArticles({
      files: [asFile('first.json', '{"id":"shared","text":"One text."}'), asFile('second.json', '{"id":"shared","text":"Another text."}')],
    });
    expect(twice.imported.map((a) => [a.id, a.file])).toEqual([['shared', 'first.json']]);
    expect(twice.failures).toEqual([
      { file: 'second.json', reason: 'the article: id "shared" is already used by an article from first.json in this import (nothing from this file was imported)' },
    ]);
  });

  it('keeps what it imported after the library is opened again', async () => {
    const core = await lib.open();
    const report = await core.importArticles({ files: [await fixture('good/story.md')] });
    await core.close();
    const reopened = await lib.open();
    expect((await reopened.getArticle({ id: report.imported[0]!.id })).title).toBe('Floods close the valley road');
  });
});

describe('importArticles: at the same time', () => {
  it('runs imports one after the other, so the same text sent twice at once is stored once', async () => {
    const core = await lib.open();
    const files = [asFile('same.txt', 'Sent twice at the same moment.')];
    const [first, second] = await Promise.all([core.importArticles({ files }), core.importArticles({ files })]);
    expect(first.imported).toHaveLength(1);
    expect(second.imported).toEqual([]);
    expect(second.duplicates.map((d) => d.sameAs)).toEqual([first.imported[0]!.id]);
    expect((await core.listArticles({})).length).toBe(6);
  });
});

describe('importArticles: web pages whose article is implausibly short', () => {
  const comments = Array.from({ length: 8 }, (_, i) => `<div class="comment"><p>Reader ${i} wrote a long comment about the budget of the library and what the council should do next year.</p></div>`).join('');
  const page = `<html><head><title>Library</title></head><body><article><h1>Library</h1><p>Anticipo:</p></article><section id="comments">${comments}</section></body></html>`;

  it('imports the article found anyway and says so in the report, offering the whole page text', async () => {
    const core = await lib.open();
    const report = await core.importArticles({ files: [asFile('anticipo.html', page)] });
    expect(report.imported).toHaveLength(1);
    expect(report.warnings).toEqual([
      {
        file: 'anticipo.html',
        id: report.imported[0]!.id,
        message: expect.stringMatching(/^only 9 characters of article text found \(the page shows [\d,]+\) — imported anyway/),
        wholePageOffered: true,
      },
    ]);
    expect((await core.getArticle({ id: report.imported[0]!.id })).text).toBe('Anticipo:');
  });

  it('imports the whole visible text of the page when asked, with no warning', async () => {
    const core = await lib.open();
    const report = await core.importArticles({ files: [{ ...asFile('anticipo.html', page), wholePage: true }] });
    expect(report.warnings).toEqual([]);
    const text = (await core.getArticle({ id: report.imported[0]!.id })).text;
    expect(text).toContain('Anticipo:');
    expect(text).toContain('Reader 7 wrote a long comment');
  });
});

describe('importArticles: PDF, Word and news-database exports', () => {
  it('splits a Nexis Uni export (Word) and a Factiva export (HTML) into articles with their metadata, one line each in the report', async () => {
    const { docxFromParagraphs } = await import('../import/documents/docxFromParagraphs');
    const nexis = (await fs.readFile(join(FIXTURES, 'exports/nexis-uni.txt'), 'utf8')).split('\n');
    const core = await lib.open();
    const report = await core.importArticles({
      files: [asFile('nexis.docx', Buffer.from(await docxFromParagraphs(nexis))), await fixture('exports/factiva.html')],
    });
    expect(report.failures).toEqual([]);
    expect(report.imported.map((i) => [i.file, i.title])).toEqual([
      ['nexis.docx', 'Valley council keeps the library open'],
      ['nexis.docx', 'Hill towns watch the valley vote'],
      ['exports/factiva.html', 'Valley council keeps the library open'],
      ['exports/factiva.html', 'Hill towns watch the valley vote'],
    ]);
    expect(await core.getArticle({ id: report.imported[1]!.id })).toMatchObject({
      outlet: 'Hill Gazette',
      date: '2024-03-06',
      author: 'Li Wei',
      text: "Neighbouring towns said they would study the valley's decision before their own budget votes.",
    });
  });

  it('refuses a damaged Word file by name and still imports the others', async () => {
    const core = await lib.open();
    const report = await core.importArticles({ files: [asFile('broken.docx', `PK\u0003\u0004${'cut off part way '.repeat(8)}`), await fixture('good/plain.txt')] });
    expect(report.failures).toEqual([{ file: 'broken.docx', reason: 'the Word (.docx) file is damaged (its ZIP directory is missing: cut off?)' }]);
    expect(report.imported).toHaveLength(1);
  });
});
