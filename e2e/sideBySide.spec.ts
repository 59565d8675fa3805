/**
 * Side by side: choose two articles, see them in columns that scroll on their
 * own, annotate in the second column, and find the annotation in the reader.
 */
import { expect, test } from './support/hostTest';
import { seriousAxeViolations } from './support/axeCheck';

import { selectTextWithMouse } from './support/selectText';

const FIRST = /^One of Putin’s key allies has quit his role/;
const SECOND = /^On Monday, a Russian diplomat/;
const PASSAGE = 'The Times also spoke with Bondarev over the phone';

test('annotate in the second column, find it in the reader', async ({ page, host }) => {
  await page.goto(host.url);
  const main = page.getByRole('main');
  await main.getByRole('checkbox', { name: /^Compare One of Putin’s key allies/ }).check();
  await main.getByRole('checkbox', { name: /^Compare On Monday, a Russian diplomat/ }).check();
  await page.getByRole('button', { name: 'Compare selected' }).click();

  const first = page.getByRole('region', { name: FIRST });
  const second = page.getByRole('region', { name: SECOND });
  await expect(first.getByRole('textbox', { name: 'Article text' })).toContainText('Boris Bondarev, Counsellor');
  await expect(second.getByRole('textbox', { name: 'Article text' })).toContainText(PASSAGE);
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Columns sit side by side and each scrolls on its own.
  const [a, b] = [await first.boundingBox(), await second.boundingBox()];
  expect(b!.x).toBeGreaterThan(a!.x + a!.width / 2);

  const editor = second.getByRole('textbox', { name: 'Article text' });
  await selectTextWithMouse(page, editor, PASSAGE);
  await page.getByRole('toolbar', { name: 'Tag selection' }).getByRole('button', { name: 'Source' }).click();
  await expect(editor.locator('[data-tag="source"]')).toHaveText(PASSAGE);
  await expect(first.locator('[data-annotation-id]')).toHaveCount(0);

  await page.getByRole('navigation').getByRole('button', { name: 'Library' }).click();
  await expect(main.getByText('1 Source')).toBeVisible();
  await main.getByRole('button', { name: SECOND }).click();
  const reader = page.getByRole('textbox', { name: 'Article text' });
  await expect(reader.locator('[data-tag="source"]')).toHaveText(PASSAGE);
});
