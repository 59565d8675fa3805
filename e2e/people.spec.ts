/**
 * People and organisations on the default corpus (five articles about the
 * Russian diplomat Boris Bondarev's resignation): reached from the header's
 * More menu, the index lists Bondarev with his other names and the quotes
 * credited to him across articles; rename, merge and split are stored and
 * come back after a reload; everything is reachable by keyboard; axe clean.
 * Screenshots at 1440×900 and 1024×700.
 */
import { expect, test } from './support/hostTest';
import { seriousAxeViolations } from './support/axeCheck';

test('people: the index, a rename, a merge and a split, kept across a reload', async ({ page, host }) => {
  test.setTimeout(180_000); // three axe runs and the corpus's quote detection on a small machine
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('button', { name: /More/ }).click();
  await page.getByRole('menuitem', { name: 'People' }).click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'People and organisations' })).toBeVisible();
  const list = main.getByRole('list', { name: 'People and organisations' });
  await expect(list.getByRole('button', { name: /^Boris Bondarev person/ })).toBeVisible();

  // The most credited comes first and is shown: his other names and his quotes across the five articles.
  const detail = main.getByRole('region', { name: 'Boris Bondarev' });
  await expect(detail).toBeVisible();
  await expect(detail.getByText('Mr Bondarev', { exact: true })).toBeVisible();
  const quotes = detail.getByRole('list', { name: 'Quotes credited to Boris Bondarev' });
  await expect(quotes.getByRole('listitem').first()).toBeVisible();
  expect(await quotes.getByRole('listitem').count()).toBeGreaterThanOrEqual(35);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('people-1440.png') });

  // Search by an alias, by keyboard.
  const search = main.getByLabel('Find a person or organisation');
  await search.fill('browder');
  await expect(list.getByRole('button')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAccessibleName(/^Bill Browder/);
  await page.keyboard.press('Enter');
  const browder = main.getByRole('region', { name: 'Bill Browder' });
  await expect(browder).toBeVisible();

  // Rename, then merge Browder into Bondarev (a deliberate mistake), then split him off again.
  await browder.getByLabel('Canonical name').fill('William Browder');
  await browder.getByRole('button', { name: 'Rename' }).click();
  const william = main.getByRole('region', { name: 'William Browder' });
  await expect(william).toBeVisible();
  await expect(william.getByText('Bill Browder', { exact: true })).toBeVisible();

  await search.fill('');
  await list.getByRole('button', { name: /^Boris Bondarev/ }).click();
  await detail.getByLabel('Merge another into this one').selectOption('bill-browder'); // his id stays as detected
  await detail.getByRole('button', { name: 'Merge' }).click();
  await expect(list.getByRole('button', { name: /^William Browder/ })).toHaveCount(0);
  await expect(detail.getByText('William Browder', { exact: true })).toBeVisible();

  await detail.getByRole('button', { name: 'Split off “William Browder”' }).click();
  await expect(main.getByRole('region', { name: 'William Browder' })).toBeVisible();

  await page.reload();
  await expect(list.getByRole('button', { name: /^William Browder/ })).toBeVisible();
  await expect(list.getByRole('button', { name: /^Boris Bondarev/ })).toBeVisible();

  await page.setViewportSize({ width: 1024, height: 700 });
  await list.getByRole('button', { name: /^Boris Bondarev/ }).click();
  await expect(detail).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('people-1024.png') });
});
