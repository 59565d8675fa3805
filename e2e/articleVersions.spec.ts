/**
 * Versions of an article (issue 14): a saved page is imported and annotated;
 * the changed page (same canonical address) imported again becomes version 2
 * of the same article: the report says so and lists the annotation the new
 * text no longer holds, the library shows "2 versions", the reader's
 * Versions panel switches between the texts and shows the word diff, and the
 * annotations still in the text are drawn on their moved passages; version 1
 * is shown with the annotations that belong to it. Also: a
 * page whose article came out implausibly short offers "Import the whole
 * page text instead", which replaces the short text.
 */
import { expect, test } from './support/hostTest';
import { seriousAxeViolations } from './support/axeCheck';
import { dropFiles } from './support/dropFiles';
import { selectTextWithMouse } from './support/selectText';

const P1 = 'The council approved the new budget on Monday after a long debate about the library.';
const P2 = 'The mayor said the decision would protect jobs in the city for at least five years.';
const P3 = 'Opposition members called the plan reckless and promised to fight it in court.';

function pageHtml(paragraphs: readonly string[]): string {
  return `<!doctype html><html lang="en"><head><title>Council approves budget</title>
<link rel="canonical" href="https://news.example.org/2026/budget-vote"></head>
<body><nav>Home Politics</nav><article><h1>Council approves budget</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

test('a changed page imported again is a new version: switcher, diff, annotations re-anchored or listed', async ({ page, host }) => {
  await page.goto(host.url);
  const main = page.getByRole('main');
  await expect(main.getByRole('button', { name: /^One of Putin’s key allies/ })).toBeVisible();

  await dropFiles(page, { 'budget.html': page_(P1, P2, P3) });
  await expect(page.getByRole('region', { name: 'Import report' }).getByRole('status')).toHaveText('Imported 1 article.');
  await main.getByRole('button', { name: 'Council approves budget', exact: true }).click();
  const editor = page.getByRole('textbox', { name: 'Article text' });
  await expect(editor).toContainText('protect jobs');
  for (const passage of ['the decision would protect jobs', 'called the plan reckless']) {
    await selectTextWithMouse(page, editor, passage);
    await page.keyboard.press('1');
    await expect(editor.locator('[data-annotation-id][data-tag="claim"]').filter({ hasText: passage })).toHaveCount(1);
  }

  await page.getByRole('navigation').getByRole('button', { name: 'Library' }).click();
  await dropFiles(page, { 'budget-updated.html': page_('UPDATE: the vote was on Tuesday.', P1.replace('Monday', 'Tuesday'), P2) });
  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report.getByRole('status')).toHaveText('Imported 0 articles. 1 new version of articles already held.');
  await expect(report).toContainText(
    'budget-updated.html: version 2 of “Council approves budget” — 1 annotation re-anchored; 1 not found in the new text, kept with version 1:',
  );
  await expect(report).toContainText('“called the plan reckless”');
  await expect(main.getByRole('button', { name: 'Council approves budget', exact: true })).toHaveCount(1);
  await expect(main.getByRole('row', { name: /Council approves budget/ })).toContainText('2 versions');

  await main.getByRole('button', { name: 'Council approves budget', exact: true }).click();
  await expect(editor).toContainText('UPDATE: the vote was on Tuesday.');
  await expect(editor.locator('[data-annotation-id][data-tag="claim"]')).toHaveText(['the decision would protect jobs']);

  const versions = page.locator('.article-versions');
  await expect(versions.getByText('2 versions of this article')).toBeVisible();
  const diff = versions.getByRole('region', { name: 'Changes from version 1 to version 2' });
  await expect(diff.getByRole('status')).toHaveText(/words? added, \d+ words? removed, 1 passage reworded\./);
  await expect(diff.locator('ins', { hasText: 'UPDATE:' })).toBeVisible();
  await expect(diff.locator('.article-versions__reworded')).toHaveText('MondayTuesday');
  await expect(diff.locator('del', { hasText: 'Opposition members called the plan reckless' })).toBeVisible();
  await expect(versions.getByRole('region', { name: 'Annotations not found in the newer text' })).toContainText('Claim on version 1: “called the plan reckless”');

  await versions.getByLabel('Show version').selectOption('1');
  const old = versions.getByRole('region', { name: 'Text of version 1' });
  await expect(old).toContainText(P3);
  await expect(old).not.toContainText('UPDATE');
  // Version 1 is shown with its annotations, read-only: the one kept with it and the one carried on to version 2.
  await expect(old).toContainText('with its 2 annotations');
  await expect(old.locator('mark.article-versions__annotation')).toHaveText(['the decision would protect jobs', 'called the plan reckless']);
  await expect(old.locator('mark.article-versions__annotation--kept')).toHaveText('called the plan reckless');
  await expect(old.locator('mark', { hasText: 'called the plan reckless' })).toHaveAttribute('title', 'Claim (not in newer versions)');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/article-versions.png' });
});

test('a page whose article is implausibly short offers its whole text instead', async ({ page, host }) => {
  await page.goto(host.url);
  const main = page.getByRole('main');
  await expect(main.getByRole('button', { name: /^One of Putin’s key allies/ })).toBeVisible();
  const comments = Array.from({ length: 8 }, (_, i) => `<div class="comment"><p>Reader ${i} wrote a long comment about the budget of the library and what the council should do next year.</p></div>`).join('');
  await dropFiles(page, {
    'anticipo.html': `<html><head><title>Biblioteca</title></head><body><article><h1>Biblioteca</h1><p>Anticipo:</p></article><section id="comments">${comments}</section></body></html>`,
  });
  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('anticipo.html: only 9 characters of article text found');
  await report.getByRole('button', { name: 'Import the whole page text instead' }).click();
  await expect(report.getByRole('status')).toHaveText('Imported 1 article. 1 new version of articles already held.');
  await expect(report).not.toContainText('only 9 characters');
  await main.getByRole('button', { name: 'Biblioteca', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Reader 7 wrote a long comment');
});

function page_(...paragraphs: string[]): string {
  return pageHtml(paragraphs);
}
