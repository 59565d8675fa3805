/**
 * Issue 15's seeds check in Chromium against the browser host on a fresh
 * data folder (the default corpus): "Accept all suggestions" on a seed
 * article gives Sources that each name who is credited (a name, never a
 * pronoun or a speech verb) and Quotes with their speaker filled (one
 * changed on its card before accepting); a group
 * of the diplomat's quote in two articles then shows, in the coverage
 * matrix, the canonical name of whom it is credited to.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/hostTest';
import { clickInText } from './support/clickText';

const FIRST = /^One of Putin’s key allies/;
const SECOND = /^A top Russian diplomat/;
const NOT_A_NAME = /^(?:he|she|it|they|his|her|declaring|declared|said|says|told|wrote|added)\b/i;

async function rowsOf(page: Page, tag: 'source' | 'quote'): Promise<string[]> {
  await page.getByRole('combobox', { name: /^Tag/ }).selectOption(tag);
  const table = page.getByRole('table');
  await expect(table.locator('tbody .tag-chip').filter({ hasText: tag === 'source' ? 'Quote' : 'Source' })).toHaveCount(0);
  return table.locator('tbody tr').allInnerTexts();
}

test('accept all on a seed article: every Source names who is credited, Quotes carry their speaker; coverage shows canonical names', async ({ page, host }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await page.getByRole('main').getByRole('button', { name: FIRST }).click();
  const editor = page.getByRole('textbox', { name: 'Article text' });
  await expect(editor.locator('[data-suggestion-id]').first()).toBeAttached();
  // Change the speaker on one card before accepting it: the field holds the detected one; Enter accepts with the new one.
  await clickInText(page, editor, 'like any other Monday morning');
  const card = page.getByRole('region', { name: 'Suggestion', exact: true });
  const speaker = card.getByRole('combobox', { name: 'Speaker' });
  await expect(speaker).toHaveValue('Boris Bondarev');
  await speaker.fill('Gennady Kuzmin');
  await expect(card).toContainText('Accepting credits Gennady Kuzmin instead of Boris Bondarev.');
  await page.screenshot({ path: test.info().outputPath('seeds-change-speaker.png') });
  await speaker.press('Enter');
  await expect(editor.locator('[data-annotation-id]').filter({ hasText: 'like any other Monday morning' })).toHaveCount(1);

  await page.getByRole('button', { name: 'Accept all suggestions' }).click();
  await page.getByRole('button', { name: /^Yes, accept all \d+$/ }).click();
  await expect(editor.locator('[data-suggestion-id]')).toHaveCount(0);

  await page.getByRole('navigation').getByRole('button', { name: 'Annotations' }).click();
  await expect(page.getByRole('table').locator('tbody tr').first()).toBeVisible();
  const sources = await rowsOf(page, 'source');
  expect(sources.length).toBeGreaterThan(0);
  for (const row of sources) {
    const name = /\bName: ([^·\t\n]+)/.exec(row)?.[1]?.trim();
    expect(name, `a Source without a name: ${row}`).toBeTruthy();
    expect(name, `a Source named by a pronoun or a verb: ${row}`).not.toMatch(NOT_A_NAME);
  }
  const quotes = await rowsOf(page, 'quote');
  expect(quotes.find((row) => row.includes('like any other Monday morning'))).toContain('Speaker: Gennady Kuzmin');
  const spoken = quotes.filter((row) => /Speaker: \S/.test(row));
  expect(spoken.length / quotes.length).toBeGreaterThanOrEqual(0.8);
  for (const row of spoken) expect(/Speaker: ([^·\t\n]+)/.exec(row)![1]!.trim()).not.toMatch(NOT_A_NAME);
  await page.screenshot({ path: test.info().outputPath('seeds-accepted-sources.png') });

  // Group the diplomat's quote in this article and the second one.
  await page.getByRole('navigation').getByRole('button', { name: 'Library' }).click();
  const main = page.getByRole('main');
  for (const title of [FIRST, SECOND]) await main.getByRole('checkbox', { name: new RegExp(`^Compare ${title.source.slice(1)}`) }).check();
  await page.getByRole('button', { name: 'Compare selected' }).click();
  const first = page.getByRole('region', { name: FIRST });
  const second = page.getByRole('region', { name: SECOND });
  const drawer = page.getByRole('region', { name: 'Panels' });
  await clickInText(page, second.getByRole('textbox', { name: 'Article text' }), 'never been so ashamed');
  await drawer.getByRole('region', { name: 'Suggestion', exact: true }).getByRole('button', { name: 'Accept suggestion' }).click();
  for (const [column, title, text] of [
    [first, FIRST, 'never have I been so ashamed of my country'],
    [second, SECOND, 'never been so ashamed of my country'],
  ] as const) {
    await column.getByRole('textbox', { name: 'Article text' }).focus();
    const list = drawer.getByRole('complementary', { name: new RegExp(`^Annotations: ${title.source.slice(1)}`) });
    await list.getByRole('button', { name: new RegExp(text) }).first().click();
    await drawer.getByRole('region', { name: 'Annotation', exact: true }).getByRole('checkbox', { name: 'Select for linking' }).check();
  }
  const linking = page.getByRole('group', { name: 'Linking' });
  await linking.getByRole('button', { name: 'Link' }).click();
  const form = page.getByRole('form', { name: 'New group from the selected annotations' });
  await form.getByRole('textbox', { name: 'Group label' }).fill('Never so ashamed');
  await form.getByRole('button', { name: 'Create group' }).click();
  await expect(form).toBeHidden();

  await page.getByRole('navigation').getByRole('button', { name: 'Coverage' }).click();
  const row = page.getByRole('table', { name: 'Coverage matrix' }).getByRole('row', { name: /Never so ashamed/ });
  await expect(row).toContainText('2 of 5');
  const cells = row.getByRole('button', { name: /paragraph/ });
  const tooltips: string[] = [];
  for (let i = 0; i < (await cells.count()); i++) {
    await cells.nth(i).focus();
    tooltips.push((await page.getByRole('tooltip').filter({ visible: true }).innerText()).replace(/\s+/g, ' '));
  }
  // Accept all credited the first article's quote to its Source, named by the people index's canonical name.
  expect(tooltips.some((t) => t.includes('Credited to Boris Bondarev') && !/Credited to Boris Bondarev said/.test(t))).toBe(true);
  await page.screenshot({ path: test.info().outputPath('seeds-coverage.png') });
});
