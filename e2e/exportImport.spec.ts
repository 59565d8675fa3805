/**
 * Issue 5's merge across annotators in Chromium against the browser host:
 * annotate a passage, export the project through the header's download,
 * import a colleague's project file (the same library, annotated by "bo")
 * through "Import annotations…", read the report, import it again (nothing
 * doubled), and see both people's annotations, each with its creator.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/hostTest';
import Papa from 'papaparse';
import { ProjectFileSchema, type ProjectFile } from '../src/shared/formats/project/projectFile';
import { seriousAxeViolations } from './support/axeCheck';
import { selectTextWithMouse } from './support/selectText';

const ARTICLE_ID = '002_38b56a2e379d189f';
const PASSAGE = 'I regret to admit that over all these twenty years the level of lies and unprofessionalism';
const SOURCE = 'Boris Bondarev';

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
  await page.getByLabel('Export format').selectOption({ label: 'Project (JSON)' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export annotations' }).click()]);
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
  await page.getByLabel('Export format').selectOption({ label: 'Table (CSV)' });
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export annotations' }).click()]);
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
