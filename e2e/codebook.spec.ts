/**
 * Issue 4's codebook path in Chromium against the browser host: make a tag
 * with attributes in the Codebook screen, reorder it from the keyboard, tag a
 * selected passage by pressing its key, set its attributes in the panel,
 * reload and find them kept and shown in the list; delete the tag moving its
 * annotation to Claim. Also: importing a codebook file (a bad one changes
 * nothing) and editing an article's details.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/hostTest';
import { seriousAxeViolations } from './support/axeCheck';

import { selectTextWithMouse } from './support/selectText';

const ARTICLE_TITLE = /^‘’For twenty years of my diplomatic career/;
const PASSAGE = 'I regret to admit that over all these twenty years the level of lies and unprofessionalism';

async function openCodebook(page: Page) {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Codebook' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Codebook' })).toBeVisible();
}

const tagNames = (page: Page) => page.getByRole('list', { name: 'Tags' }).getByRole('heading', { level: 2 }).allTextContents();

test('make a tag with attributes, annotate with its key, set attributes, reload, delete it moving its annotation', async ({ page, host }) => {
  await page.goto(host.url);
  await openCodebook(page);
  expect(await tagNames(page)).toEqual(['Claimkey 1', 'Quotekey 2', 'Sourcekey 3']);

  await page.getByRole('button', { name: 'New tag' }).click();
  const form = page.getByRole('form', { name: 'New tag' });
  await form.getByLabel('Name', { exact: true }).fill('Number');
  await form.getByLabel('Key').selectOption('4');
  await form.getByLabel('Description').fill('A figure the article gives.');
  await form.getByRole('button', { name: 'Add attribute' }).click();
  await form.getByLabel('Name').nth(1).fill('Unit');
  await form.getByLabel('Type').nth(0).selectOption('choice');
  await form.getByLabel('Options, one per line').fill('people\nmoney');
  await form.getByRole('button', { name: 'Add attribute' }).click();
  await form.getByLabel('Name').nth(2).fill('Verified');
  await form.getByLabel('Type').nth(1).selectOption('boolean');
  // A key another tag holds cannot be picked; a blank option list is refused with a message.
  await expect(form.getByRole('option', { name: '2 (Quote)' })).toBeDisabled();
  await form.getByRole('button', { name: 'Save tag' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Number”.' })).toBeVisible();
  expect(await tagNames(page)).toEqual(['Claimkey 1', 'Quotekey 2', 'Sourcekey 3', 'Numberkey 4']);
  await expect(page.getByRole('list', { name: 'Attributes of Number' })).toContainText('Unit (people, money)');
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Reorder from the keyboard: the focus stays on the moved tag.
  await page.getByRole('button', { name: 'Move Number up' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Moved “Number” up: now 3 of 4.' })).toBeVisible();
  expect(await tagNames(page)).toEqual(['Claimkey 1', 'Quotekey 2', 'Numberkey 4', 'Sourcekey 3']);
  await expect(page.getByRole('button', { name: 'Move Number up' })).toBeFocused();

  // Annotate with it by its key.
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Library' }).click();
  await page.getByRole('main').getByRole('button', { name: ARTICLE_TITLE }).click();
  const editor = page.getByRole('textbox', { name: 'Article text' });
  await expect(editor).toContainText('Reached by phone');
  const toolbar = page.getByRole('toolbar', { name: 'Tag selection' });
  await selectTextWithMouse(page, editor, PASSAGE);
  await expect(toolbar.getByRole('button', { name: 'Number' })).toBeVisible();
  await page.keyboard.press('4');
  await expect(editor.locator('[data-annotation-id][data-tag="number"]')).toHaveText(PASSAGE);

  // Set its attributes in the panel.
  const list = page.getByRole('complementary', { name: 'Annotations' });
  await list.getByRole('button', { name: /Number/ }).click();
  const panel = page.getByRole('region', { name: 'Annotation' });
  await panel.getByLabel('Unit').selectOption('people');
  await expect(panel.getByRole('group', { name: 'Attributes' }).getByRole('status')).toHaveText('Saved');
  await panel.getByLabel('Verified').selectOption('yes');
  await expect(list).toContainText('Unit: people · Verified: yes');
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.reload();
  await page.getByRole('complementary', { name: 'Annotations' }).getByRole('button', { name: /Number/ }).click();
  await expect(panel.getByLabel('Unit')).toHaveValue('people');
  await expect(panel.getByLabel('Verified')).toHaveValue('yes');
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toContainText('Unit: people · Verified: yes');

  // Delete the tag in use: the dialog counts its annotations; they move to Claim.
  await openCodebook(page);
  await page.getByRole('button', { name: 'Delete Number' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete the tag “Number”?' });
  await expect(dialog).toContainText('1 annotation in 1 article use it.');
  await dialog.getByLabel('Move to').selectOption({ label: 'Claim' });
  await dialog.getByRole('button', { name: 'Move annotations and delete tag' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted “Number”; 1 annotation moved to “Claim”.' })).toBeVisible();
  expect(await tagNames(page)).toEqual(['Claimkey 1', 'Quotekey 2', 'Sourcekey 3']);
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Library' }).click();
  await expect(page.getByRole('row', { name: /For twenty years of my diplomatic career/ })).toContainText('1 Claim');
});

test('importing a codebook: a bad file changes nothing, a good one merges', async ({ page, host }) => {
  await page.goto(host.url);
  await openCodebook(page);
  const input = page.getByLabel('Codebook file to import');
  await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(page.getByRole('alert')).toContainText('its "format" is missing');
  expect(await tagNames(page)).toEqual(['Claimkey 1', 'Quotekey 2', 'Sourcekey 3']);

  const file = {
    format: 'triangulate-codebook',
    version: 1,
    tags: [{ id: 'figure', name: 'Figure', color: '#aa3366', key: 5, description: '', attributes: [] }],
  };
  await input.setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByRole('status').filter({ hasText: 'Imported team.json: 1 tag added, 0 updated, 3 of yours kept.' })).toBeVisible();
  expect(await tagNames(page)).toEqual(['Figurekey 5', 'Claimkey 1', 'Quotekey 2', 'Sourcekey 3']);
});

test('editing an article\'s details: a bad date is refused, the outlet shows in the library and side by side', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('main').getByRole('button', { name: ARTICLE_TITLE }).click();
  await page.getByText('Article details').click();
  const form = page.getByRole('form', { name: 'Article details' });
  await form.getByLabel('Outlet').fill('Reuters');
  await form.getByLabel('Date').fill('2022-13-40');
  await form.getByLabel('Article note').fill('The resignation letter in full.');
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(form.getByRole('alert')).toHaveText('The date "2022-13-40" is not a calendar date written YYYY-MM-DD (e.g. 2022-05-23).');
  await form.getByLabel('Date').fill('2022-05-24');
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved');
  await expect(page.locator('.article-head__meta')).toHaveText('Reuters · 2022-05-24');

  await page.reload();
  await page.getByText('Article details and note').click();
  await expect(form.getByLabel('Article note')).toHaveValue('The resignation letter in full.');

  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Library' }).click();
  const row = page.getByRole('row', { name: /For twenty years of my diplomatic career/ });
  await expect(row).toContainText('Reuters');
  await row.getByRole('checkbox').check();
  await page.getByRole('row', { name: /On Monday, a Russian diplomat/ }).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Compare selected' }).click();
  await expect(page.getByRole('region', { name: ARTICLE_TITLE }).locator('.article-head__meta')).toHaveText('Reuters · 2022-05-24');
});
