import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { checkCrossFileInvariants } from '../safety/checkCrossFileInvariants';
import { findDamagedFiles } from '../safety/findDamagedFiles';
import { isTaggingAnnotation as isTagging } from '../../shared/formats/w3c/w3cExport';
import { annotationCsvToW3C } from '../../shared/formats/csv/annotationCsvToW3C';

const lib = useTestLibrary();

const asFile = (name: string, content: string) => ({ name, data: Buffer.from(content).toString('base64') });

const P1 = 'The council approved the new budget on Monday after a long debate about the library.';
const P2 = 'The mayor said the decision would protect jobs in the city for at least five years.';
const P3 = 'Opposition members called the plan reckless and promised to fight it in court.';
const P4 = 'The budget takes effect in January, a spokesperson for the council confirmed later.';

/** A saved news page with a canonical address and these paragraphs as its article. */
function page(paragraphs: readonly string[], canonical = 'https://news.example.org/2026/budget-vote'): string {
  return `<!doctype html><html lang="en"><head><title>Council approves budget</title>
<link rel="canonical" href="${canonical}"><meta property="og:site_name" content="Example News"></head>
<body><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
<article><h1>Council approves budget</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>
<footer>© Example News</footer></body></html>`;
}

async function importPage(core: Awaited<ReturnType<typeof lib.open>>, name: string, paragraphs: readonly string[], canonical?: string) {
  return core.importArticles({ files: [asFile(name, page(paragraphs, canonical))] });
}

async function annotate(core: Awaited<ReturnType<typeof lib.open>>, articleId: string, quote: string, note: string) {
  const text = (await core.getArticle({ id: articleId })).text;
  const start = text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  return core.createAnnotation({ articleId, tagId: 'claim', start, end: start + quote.length, note });
}

describe('versions: a changed page imported again', () => {
  it('becomes version 2 of the same article, its annotations re-anchored or listed, never dropped', async () => {
    const core = await lib.open();
    const first = await importPage(core, 'budget.html', [P1, P2, P3, P4]);
    const id = first.imported[0]!.id;
    const kept = await annotate(core, id, 'the decision would protect jobs', 'jobs claim');
    const lost = await annotate(core, id, 'called the plan reckless', 'opposition');
    const reworded = await annotate(core, id, 'The budget takes effect in January, a spokesperson for the council confirmed', 'start date');

    const changed = [P1.replace('Monday', 'Tuesday'), P2, P4.replace('January', 'February')];
    const second = await importPage(core, 'budget (updated).html', changed);
    expect(second.imported).toEqual([]);
    expect(second.duplicates).toEqual([]);
    expect(second.versions).toEqual([
      {
        file: 'budget (updated).html',
        id,
        title: first.imported[0]!.title,
        version: 2,
        reanchored: 2,
        approximate: 1,
        unanchored: [{ id: lost.id, tagId: 'claim', exact: 'called the plan reckless', version: 1 }],
      },
    ]);

    const article = await core.getArticle({ id });
    expect(article.text).toContain('Tuesday');
    expect(article.versions?.map((v) => v.version)).toEqual([1, 2]);
    const summary = (await core.listArticles({})).find((a) => a.id === id)!;
    expect(summary.versions).toBe(2);
    expect((await core.listArticles({})).filter((a) => a.title === article.title)).toHaveLength(1);

    const annotations = await core.listAnnotations({ articleId: id });
    expect(annotations.map((a) => [a.id, article.text.slice(a.start, a.end)])).toEqual([
      [kept.id, 'the decision would protect jobs'],
      [reworded.id, 'The budget takes effect in February, a spokesperson for the council confirmed'],
    ]);
    expect(annotations.find((a) => a.id === reworded.id)!.note).toBe('start date');

    const versions = await core.getArticleVersions({ articleId: id });
    expect(versions.current).toBe(2);
    expect(versions.unanchored.map((a) => [a.id, a.version, a.note])).toEqual([[lost.id, 1, 'opposition']]);
    const v1 = await core.getArticleVersionText({ articleId: id, version: 1 });
    expect(v1.text.slice(versions.unanchored[0]!.start, versions.unanchored[0]!.end)).toBe('called the plan reckless');
    // Version 1 shown with its annotations, over its own text: all three were made on it.
    expect(v1.annotations.map((a) => [a.id, v1.text.slice(a.start, a.end), a.keptHere])).toEqual([
      [kept.id, 'the decision would protect jobs', false],
      [lost.id, 'called the plan reckless', true],
      [reworded.id, 'The budget takes effect in January, a spokesperson for the council confirmed', false],
    ]);

    const diff = await core.diffArticleVersions({ articleId: id, from: 1, to: 2 });
    expect(diff.parts).toContainEqual({ kind: 'reworded', from: 'Monday', to: 'Tuesday' });
    expect(diff.parts).toContainEqual({ kind: 'reworded', from: 'January', to: 'February' });
    expect(diff.parts.some((p) => p.kind === 'removed' && p.text.includes('Opposition members called the plan reckless'))).toBe(true);

    // The data folder is whole: every file good, no text file unlisted.
    expect((await findDamagedFiles(lib.dir())).damaged).toEqual([]);
    expect((await checkCrossFileInvariants(lib.dir())).failures).toEqual([]);
    expect((await fs.readdir(join(lib.dir(), 'texts'))).filter((n) => n.startsWith(id)).sort()).toEqual([`${id}.json`, `${id}@v2.json`]);
  });

  it('exports say which version of the text an annotation is over', async () => {
    const core = await lib.open();
    const id = (await importPage(core, 'a.html', [P1, P2, P3])).imported[0]!.id;
    await annotate(core, id, 'protect jobs', 'kept');
    await importPage(core, 'b.html', [P1, P2]);
    const w3c = await core.exportW3C({});
    const item = w3c.first.items.find((i) => 'target' in i && !Array.isArray(i.target) && typeof i.target === 'object' && i.target.source.id.endsWith(id));
    expect(item && 'target' in item && !Array.isArray(item.target) && typeof item.target === 'object' ? item.target.source['triangulate:version'] : null).toBe(2);
    const { csv } = await core.exportCsv({});
    const [header, ...rows] = csv.split('\r\n');
    const column = header!.split(',').indexOf('text_version');
    expect(column).toBeGreaterThan(0);
    const row = rows.find((r) => r.includes(id))!;
    expect(row.split(',')[column]).toBe('2');
  });

  it('exports the annotations a newer version no longer holds, over the version they are kept with', async () => {
    const core = await lib.open();
    const id = (await importPage(core, 'a.html', [P1, P2, P3])).imported[0]!.id;
    const single = (await importPage(core, 'other.html', [P4, P2], 'https://news.example.org/2026/other-story')).imported[0]!.id;
    await annotate(core, single, 'takes effect in January', 'one version');
    const kept = await annotate(core, id, 'protect jobs', 'kept');
    const lost = await annotate(core, id, 'called the plan reckless', 'gone');
    await importPage(core, 'b.html', [P1, P2]);
    const article = await core.getArticle({ id });
    const v1 = (await core.getArticleVersionText({ articleId: id, version: 1 })).text;

    // W3C: every annotation's source names its version and that text's hash; the lost one is marked.
    const items = (await core.exportW3C({})).first.items.filter(isTagging);
    const byId = (annotationId: string) => items.find((i) => i.id.endsWith(annotationId))!;
    expect(byId(kept.id).target.source).toMatchObject({ 'triangulate:version': 2, 'triangulate:sha256': article.hash });
    expect(byId(kept.id)['triangulate:unanchored']).toBeUndefined();
    const lostItem = byId(lost.id);
    expect(lostItem['triangulate:unanchored']).toBe(true);
    expect(lostItem.target.source).toMatchObject({ 'triangulate:version': 1, 'triangulate:sha256': article.versions![0]!.hash });
    const [quote, position] = lostItem.target.selector;
    expect(v1.slice(position.start, position.end)).toBe('called the plan reckless');
    expect(quote.exact).toBe('called the plan reckless');
    const singleItem = items.find((i) => i.target.source.id.endsWith(single))!;
    expect(singleItem.target.source['triangulate:version']).toBe(1);

    // CSV: a row for each, with text_version and in_current_text.
    const { csv, annotations } = await core.exportCsv({});
    expect(annotations).toBe(3);
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').split('\r\n');
    const columns = header!.split(',');
    const cells = (annotationId: string) => {
      const row = rows.find((r) => r.startsWith(`${annotationId},`))!.split(',');
      return [row[columns.indexOf('text_version')], row[columns.indexOf('in_current_text')], row[columns.indexOf('start')]];
    };
    expect(cells(kept.id)).toEqual(['2', 'yes', String(article.text.indexOf('protect jobs'))]);
    expect(cells(lost.id)).toEqual(['1', 'no', String(v1.indexOf('called the plan reckless'))]);

    // Read back into the same library, the lost one is named and not anchored anywhere in the new text.
    const again = await core.importW3C({ collection: await core.exportW3C({}) });
    expect(again.problems).toEqual([expect.stringMatching(/kept with version 1 of its article's text, which a newer version no longer holds; not imported/)]);
    const fromCsv = await core.importW3C({ collection: (annotationCsvToW3C(csv) as { items: unknown[] }).items });
    expect(fromCsv.problems).toEqual([expect.stringMatching(/kept with version 1 .* not imported/)]);
    expect((await core.listAnnotations({ articleId: id })).map((a) => a.id)).toEqual([kept.id]);
  });

  it('a project file carries every version and the annotations kept with them into another library', async () => {
    const core = await lib.open();
    const id = (await importPage(core, 'a.html', [P1, P2, P3])).imported[0]!.id;
    const kept = await annotate(core, id, 'protect jobs', 'kept');
    const lost = await annotate(core, id, 'called the plan reckless', 'gone');
    await importPage(core, 'b.html', [P1.replace('Monday', 'Tuesday'), P2]);
    const project = await core.exportProject({});
    const exported = project.articles.find((a) => a.id === id)!;
    expect(exported.versionTexts).toHaveLength(1);
    expect(exported.unanchored?.map((a) => [a.id, a.version])).toEqual([[lost.id, 1]]);
    await core.close();

    const other = await fs.mkdtemp(join(tmpdir(), 'triangulate-other-'));
    try {
      const second = await lib.open({ dataDir: other });
      const report = await second.importProject({ project });
      expect(report.problems).toEqual([]);
      const versions = await second.getArticleVersions({ articleId: id });
      expect(versions.versions.map((v) => v.version)).toEqual([1, 2]);
      expect(versions.unanchored.map((a) => [a.id, a.version, a.note])).toEqual([[lost.id, 1, 'gone']]);
      expect((await second.getArticleVersionText({ articleId: id, version: 1 })).text).toContain('Monday');
      expect((await second.getArticle({ id })).text).toContain('Tuesday');
      expect((await second.listAnnotations({ articleId: id })).map((a) => a.id)).toEqual([kept.id]);
      await second.close();
      expect((await findDamagedFiles(other)).damaged).toEqual([]);
      expect((await checkCrossFileInvariants(other)).failures).toEqual([]);

      // An older text that does not match its hash is refused, nothing stored.
      const third = await fs.mkdtemp(join(tmpdir(), 'triangulate-third-'));
      try {
        const core3 = await lib.open({ dataDir: third });
        const broken = { ...project, articles: project.articles.map((a) => (a.id === id ? { ...a, versionTexts: ['not the first text'] } : a)) };
        await expect(core3.importProject({ project: broken })).rejects.toThrow(/the text of version 1 does not match its hash.*Nothing was changed/);
        await expect(core3.getArticle({ id })).rejects.toThrow(/no article/);
        await core3.close();
      } finally {
        await fs.rm(third, { recursive: true, force: true });
      }
    } finally {
      await fs.rm(other, { recursive: true, force: true });
    }
  });

  it('reports the same page imported again, or an older version of it, as a duplicate', async () => {
    const core = await lib.open();
    const first = await importPage(core, 'a.html', [P1, P2, P3]);
    await importPage(core, 'b.html', [P1, P2]);
    const again = await importPage(core, 'a again.html', [P1, P2, P3]);
    expect(again.versions).toEqual([]);
    expect(again.duplicates).toEqual([expect.objectContaining({ file: 'a again.html', sameAs: first.imported[0]!.id })]);
  });

  it('imports a page with another canonical address as a new article', async () => {
    const core = await lib.open();
    await importPage(core, 'a.html', [P1, P2, P3]);
    const other = await importPage(core, 'other.html', [P1, P2], 'https://news.example.org/2026/other-story');
    expect(other.imported).toHaveLength(1);
    expect(other.versions).toEqual([]);
  });

  it('keeps versions and unanchored annotations when the library is opened again', async () => {
    const core = await lib.open();
    const id = (await importPage(core, 'a.html', [P1, P2, P3])).imported[0]!.id;
    await annotate(core, id, 'called the plan reckless', 'gone');
    await importPage(core, 'b.html', [P1, P2]);
    await core.close();
    const again = await lib.open();
    const versions = await again.getArticleVersions({ articleId: id });
    expect(versions.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions.unanchored.map((a) => a.note)).toEqual(['gone']);
    expect((await again.getArticleVersionText({ articleId: id, version: 1 })).text).toContain('reckless');
    await expect(again.getArticleVersionText({ articleId: id, version: 3 })).rejects.toThrow(/has no version 3 \(it has 2\)/);
  });

  it('re-anchors on reading when a crash came between storing the version and re-anchoring', async () => {
    const core = await lib.open();
    const id = (await importPage(core, 'a.html', [P1, P2, P3])).imported[0]!.id;
    const a = await annotate(core, id, 'called the plan reckless', 'gone');
    const b = await annotate(core, id, 'protect jobs', 'kept');
    const annotationFile = join(lib.dir(), 'annotations', `${id}.json`);
    const before = await fs.readFile(annotationFile, 'utf8');
    await importPage(core, 'b.html', ['Breaking: an update.', P1, P2]);
    await core.close();
    // The state a kill between index.json and the annotation file leaves: the file over version 1.
    await fs.writeFile(annotationFile, before);
    expect((await findDamagedFiles(lib.dir())).damaged).toEqual([]);
    const again = await lib.open();
    const text = (await again.getArticle({ id })).text;
    const annotations = await again.listAnnotations({ articleId: id });
    expect(annotations.map((x) => [x.id, text.slice(x.start, x.end)])).toEqual([[b.id, 'protect jobs']]);
    expect((await again.getArticleVersions({ articleId: id })).unanchored.map((x) => x.id)).toEqual([a.id]);
  });

  it('the cross-file check finds a version file missing, and one no version lists', async () => {
    const core = await lib.open();
    const id = (await importPage(core, 'a.html', [P1, P2, P3])).imported[0]!.id;
    await importPage(core, 'b.html', [P1, P2]);
    await core.close();
    const v2 = join(lib.dir(), 'texts', `${id}@v2.json`);
    const held = await fs.readFile(v2, 'utf8');
    await fs.rm(v2);
    expect((await checkCrossFileInvariants(lib.dir())).failures).toEqual([`texts/${id}@v2.json is missing, while index.json lists it`]);
    await fs.writeFile(v2, held);
    // The next version's text, left by a kill before index.json listed it: repairable (the next import writes it again).
    await fs.writeFile(join(lib.dir(), 'texts', `${id}@v3.json`), held);
    const check = await checkCrossFileInvariants(lib.dir());
    expect(check.failures).toEqual([]);
    expect(check.repairable).toBe(1);
    await fs.writeFile(join(lib.dir(), 'texts', `${id}@v4.json`), held);
    expect((await checkCrossFileInvariants(lib.dir())).failures).toEqual([`texts/${id}@v4.json belongs to no article index.json lists`]);
    expect((await findDamagedFiles(lib.dir())).damaged).toEqual([]);
  });

  it('makes the whole page text a new version of the article a short extraction made', async () => {
    const core = await lib.open();
    const comments = Array.from({ length: 8 }, (_, i) => `<div class="comment"><p>Reader ${i} wrote a long comment about the budget of the library and what the council should do next year.</p></div>`).join('');
    const short = `<html><head><title>Library</title></head><body><article><h1>Library</h1><p>Anticipo:</p></article><section id="comments">${comments}</section></body></html>`;
    const first = await core.importArticles({ files: [asFile('anticipo.html', short)] });
    const id = first.warnings[0]!.id;
    const whole = await core.importArticles({ files: [{ ...asFile('anticipo.html', short), wholePage: true, replaces: id }] });
    expect(whole.imported).toEqual([]);
    expect(whole.versions).toEqual([expect.objectContaining({ id, version: 2 })]);
    expect((await core.getArticle({ id })).text).toContain('Reader 7 wrote a long comment');
    const missing = await core.importArticles({ files: [{ ...asFile('anticipo.html', short), wholePage: true, replaces: 'art_nothere' }] });
    expect(missing.failures).toEqual([{ file: 'anticipo.html', reason: 'there is no article "art_nothere" for it to be a new version of' }]);
  });
});
