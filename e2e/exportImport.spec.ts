/**
 * Issue 5's merge across annotators in Chromium against the browser host:
 * annotate a passage, export the project through the header's download,
 * import a colleague's project file (the same library, annotated by "bo")
 * through "Import annotations…", read the report, import it again (nothing
 * doubled), and see both people's annotations, each with its creator.
 * Issue 17: the format menu's one line per format (which tools read it), a
 * W3C file whose tags the codebook lacks mapped, created or left out before
 * anything is stored, and another tool's .qdpx imported with its report.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { expect, test } from './support/hostTest';
import Papa from 'papaparse';
import { ProjectFileSchema, type ProjectFile } from '../src/shared/formats/project/projectFile';
import { seriousAxeViolations } from './support/axeCheck';
import { selectTextWithMouse } from './support/selectText';

const ARTICLE_ID = '002_38b56a2e379d189f';
const PASSAGE = 'I regret to admit that over all these twenty years the level of lies and unprofessionalism';
const SOURCE = 'Boris Bondarev';

/** Opens the header's format menu and picks the format whose line starts with `name`. */
async function exportAs(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Export annotations…' }).click();
  await page.getByRole('group', { name: 'Export format' }).getByRole('button', { name: new RegExp(`^${name.replace(/[().]/g, '\\$&')} — `) }).click();
}

test.beforeEach(async ({ page, host }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(host.url);
});

/** The colleague's file: the same library, with bo's own two annotations on the article. */
function colleagueProject(mine: ProjectFile): ProjectFile {
  const project = structuredClone(mine);
  project.creator = 'bo';
  const article = project.articles.find((a) => a.id === ARTICLE_ID)!;
  const at = (needle: string) => article.text.indexOf(needle);
  const stamp = '2024-05-01T09:00:00.000Z';
  const annotation = (id: string, tagId: string, needle: string, attributes: Record<string, string>) => ({
    id,
    articleId: ARTICLE_ID,
    tagId,
    start: at(needle),
    end: at(needle) + needle.length,
    exact: needle,
    prefix: article.text.slice(Math.max(0, at(needle) - 32), at(needle)),
    suffix: article.text.slice(at(needle) + needle.length, at(needle) + needle.length + 32),
    note: 'bo’s reading',
    attributes,
    creator: 'bo',
    created: stamp,
    modified: stamp,
  });
  article.annotations = [annotation('bo-quote', 'quote', PASSAGE, { form: 'direct' }), annotation('bo-source', 'source', SOURCE, { name: SOURCE })];
  return project;
}

test('export the project, import a colleague’s, and see whose annotation is whose', async ({ page, host }) => {
  const library = page.getByRole('main');
  await library.getByRole('button', { name: /^‘’For twenty years of my diplomatic career/ }).click();
  const editor = page.getByRole('textbox', { name: 'Article text' });
  await expect(editor).toContainText(SOURCE);
  await selectTextWithMouse(page, editor, PASSAGE);
  await page.getByRole('toolbar', { name: 'Tag selection' }).getByRole('button', { name: 'Quote' }).click();
  const list = page.getByRole('complementary', { name: 'Annotations' });
  await expect(list.getByRole('listitem')).toHaveCount(1);

  // Export the project through the header's download.
  const [download] = await Promise.all([page.waitForEvent('download'), exportAs(page, 'Project (JSON)')]);
  expect(download.suggestedFilename()).toMatch(/^triangulate-project-\d{4}-\d{2}-\d{2}\.json$/);
  const mine = ProjectFileSchema.parse(JSON.parse(readFileSync((await download.path())!, 'utf8')));
  expect(mine.articles).toHaveLength(5);
  const myAnnotations = mine.articles.find((a) => a.id === ARTICLE_ID)!.annotations;
  expect(myAnnotations.map((a) => a.exact)).toEqual([PASSAGE]);
  const me = myAnnotations[0]!.creator;
  await expect(page.getByRole('status').filter({ hasText: /^Saved triangulate-project-.*\.json: 5 articles, 1 annotation$/ })).toBeVisible();

  // Import the colleague's project file.
  const file = join(host.dataDir, '..', `${host.dataDir.split('/').pop()}-bo.json`);
  writeFileSync(file, JSON.stringify(colleagueProject(mine)));
  const importFile = async () => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import annotations…' }).click()]);
    await chooser.setFiles(file);
    return page.getByRole('dialog', { name: /^Imported from .*-bo\.json$/ });
  };
  let report = await importFile();
  await expect(report).toContainText('2 annotations imported');
  await expect(report).toContainText('0 duplicates skipped');
  await expect(report.getByRole('heading', { level: 2 })).toBeFocused();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await report.getByRole('button', { name: 'Close report' }).click();

  // The same file again: nothing doubled.
  report = await importFile();
  await expect(report).toContainText('0 annotations imported');
  await expect(report).toContainText('2 duplicates skipped (already in the library)');
  await page.keyboard.press('Escape');
  await expect(report).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Import annotations…' })).toBeFocused();

  // Both people's annotations, each showing its creator, in the list and the panel.
  await page.reload();
  const rows = page.getByRole('complementary', { name: 'Annotations' }).getByRole('listitem');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'by bo' })).toHaveCount(2);
  await expect(rows.filter({ hasText: `by ${me}` })).toHaveCount(1);
  await rows.filter({ hasText: SOURCE }).getByRole('button').click();
  const panel = page.getByRole('region', { name: 'Annotation' });
  await expect(panel.locator('figcaption')).toContainText('by bo');
  expect(await seriousAxeViolations(page)).toEqual([]);

  // The CSV export carries both people's rows.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), exportAs(page, 'Table (CSV)')]);
  expect(csvDownload.suggestedFilename()).toMatch(/^triangulate-annotations-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = Papa.parse<Record<string, string>>(readFileSync((await csvDownload.path())!, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  expect(csv.errors).toEqual([]);
  expect(csv.data.map((r) => [r.creator, r.tag, r.exact]).sort()).toEqual(
    [
      ['bo', 'Quote', PASSAGE],
      ['bo', 'Source', SOURCE],
      [me, 'Quote', PASSAGE],
    ].sort(),
  );
});

test('a file that is not JSON is refused with a clear reason, and nothing changes', async ({ page, host }) => {
  const file = join(host.dataDir, '..', `${host.dataDir.split('/').pop()}-broken.json`);
  writeFileSync(file, '{"format":"triangulate-project","articles":[');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import annotations…' }).click()]);
  await chooser.setFiles(file);
  const report = page.getByRole('dialog', { name: /-broken\.json was not imported$/ });
  await expect(report).toContainText('it is not valid JSON');
  await expect(report).toContainText('nothing was changed');
});

test('the format menu says in one line per format which tools read it', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.getByRole('button', { name: /^Export(\s*annotations)?\s*…$/ }).click();
  const menu = page.getByRole('group', { name: 'Export format' });
  const lines = menu.getByRole('button');
  await expect(lines).toHaveText([
    'W3C Web Annotation (JSON) — Hypothesis, Recogito, INCEpTION',
    'REFI-QDA (.qdpx) — MAXQDA, ATLAS.ti, NVivo, QualCoder',
    'Table (CSV) — R, pandas, spreadsheets',
    'Project (JSON) — Triangulate: a colleague, a backup, another computer',
  ]);
  await expect(lines.first()).toBeFocused();
  // Each line fits the window, on one line.
  for (const line of await lines.all()) {
    const box = (await line.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
    expect(box.height).toBeLessThan(40);
  }
  await page.screenshot({ path: test.info().outputPath('export-menu-1024.png') });
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Export(\s*annotations)?\s*…$/ })).toBeFocused();
});

/** A W3C collection modelled on Recogito's export: tag names the codebook lacks ("Person", "Weather", "Diplomacy"). */
function otherToolW3C(): object {
  const item = (id: string, tag: string, exact: string) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `#${id}`,
    type: 'Annotation',
    body: [{ type: 'TextualBody', value: tag, purpose: 'tagging' }],
    target: { source: `urn:triangulate:article:${ARTICLE_ID}`, selector: [{ type: 'TextQuoteSelector', exact }] },
  });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    first: { type: 'AnnotationPage', items: [item('a1', 'Person', SOURCE), item('a2', 'Weather', PASSAGE), item('a3', 'Diplomacy', 'diplomatic career')] },
  };
}

test('a W3C file with tags the codebook lacks: each mapped, created or left out before anything is stored', async ({ page, host }) => {
  const file = join(host.dataDir, '..', `${host.dataDir.split('/').pop()}-recogito.json`);
  writeFileSync(file, JSON.stringify(otherToolW3C()));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import annotations…' }).click()]);
  await chooser.setFiles(file);
  const step = page.getByRole('dialog', { name: /^Tags in .*-recogito\.json that the codebook does not have$/ });
  await expect(step.getByRole('heading', { level: 2 })).toBeFocused();
  await step.getByLabel('“Person” (1 item)').selectOption({ label: 'Source' });
  await step.getByLabel('“Weather” (1 item)').selectOption({ label: 'Leave its items out' });
  await expect(step.getByLabel('“Diplomacy” (1 item)')).toHaveValue('create');
  await page.screenshot({ path: test.info().outputPath('import-tag-choices.png') });
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Nothing is stored before Import: the article has no annotation yet.
  await page.getByRole('main').getByRole('button', { name: /^‘’For twenty years of my diplomatic career/ }).click();
  await expect(page.getByRole('complementary', { name: 'Annotations' }).getByRole('listitem')).toHaveCount(0);

  await step.getByRole('button', { name: 'Import' }).click();
  const report = page.getByRole('dialog', { name: /^Imported from .*-recogito\.json$/ });
  await expect(report).toContainText('2 annotations imported');
  await expect(report).toContainText('1 new tag: Diplomacy');
  await expect(report).toContainText('Tags left out (1)');
  await expect(report).toContainText('“Weather” (1 item)');
  await expect(report.getByRole('listitem').filter({ hasText: 'unknown tag "Weather"' })).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('import-tag-report.png') });
  await report.getByRole('button', { name: 'Close report' }).click();

  await page.reload();
  const rows = page.getByRole('complementary', { name: 'Annotations' }).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: SOURCE })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'diplomatic career' })).toHaveCount(1);
});

test('another tool\'s .qdpx comes in through the same button: its code mapped onto a tag, its PDF source reported as skipped', async ({ page, host }) => {
  // Modelled on what QualCoder writes: a user, one code, one text source with one coded selection, one PDF source.
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Interviews" origin="QualCoder" creatingUserGUID="11111111-1111-4111-8111-111111111111">
  <Users><User guid="11111111-1111-4111-8111-111111111111" name="maria"/></Users>
  <CodeBook><Codes><Code guid="22222222-2222-4222-8222-222222222222" name="Trust" isCodable="true" color="#AA00CC"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="33333333-3333-4333-8333-333333333333" name="interview-01.txt" plainTextPath="internal://33333333-3333-4333-8333-333333333333.txt">
      <PlainTextSelection guid="44444444-4444-4444-8444-444444444444" name="I trust them" startPosition="4" endPosition="16" creatingUser="11111111-1111-4111-8111-111111111111">
        <Coding guid="55555555-5555-4555-8555-555555555555" creatingUser="11111111-1111-4111-8111-111111111111"><CodeRef targetGUID="22222222-2222-4222-8222-222222222222"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <PDFSource guid="66666666-6666-4666-8666-666666666666" name="scan.pdf" path="internal://66666666-6666-4666-8666-666666666666.pdf"/>
  </Sources>
</Project>`;
  const file = join(host.dataDir, '..', `${host.dataDir.split('/').pop()}-interviews.qdpx`);
  writeFileSync(file, zipSync({ 'project.qde': strToU8(xml), 'sources/33333333-3333-4333-8333-333333333333.txt': strToU8('Q1: I trust them, mostly.') }));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import annotations…' }).click()]);
  await chooser.setFiles(file);
  const step = page.getByRole('dialog', { name: /that the codebook does not have$/ });
  await step.getByLabel('“Trust” (1 item)').selectOption({ label: 'Claim' });
  await step.getByRole('button', { name: 'Import' }).click();
  const report = page.getByRole('dialog', { name: /^Imported from .*-interviews\.qdpx$/ });
  await expect(report).toContainText('1 new article, 0 new tags');
  await expect(report).toContainText('1 annotation imported');
  await expect(report.getByRole('listitem').filter({ hasText: 'PDF source "scan.pdf" skipped: only text sources are imported' })).toHaveCount(1);
  await report.getByRole('button', { name: 'Close report' }).click();

  await page.reload();
  await page.getByRole('main').getByRole('button', { name: /interview-01\.txt/ }).click();
  const rows = page.getByRole('complementary', { name: 'Annotations' }).getByRole('listitem');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('I trust them');
  await expect(rows.first()).toContainText('by maria');
});
