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
import { callHost } from './support/browserHost';

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

test('people: the annotation table shows and filters by the canonical speaker, and undo takes a merge back', async ({ page, host }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  // Two quotes whose coders typed the speakers as the articles name them: "Mr Bondarev" and "Browder".
  const article = '000_9c2375f696f0b1fa';
  const { text } = (await callHost(host, 'getArticle', { id: article })) as { text: string };
  const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  expect(text.indexOf('like any other Monday morning')).toBeGreaterThan(0);
  await callHost(host, 'createAnnotation', { articleId: article, tagId: 'quote', ...at('like any other Monday morning'), attributes: { speaker: 'Mr Bondarev' } });
  await callHost(host, 'createAnnotation', { articleId: article, tagId: 'quote', ...at('simply cannot'), attributes: { speaker: 'Bill Browder' } });

  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Annotations' }).click();
  const table = page.getByRole('table');
  await expect(page.getByRole('columnheader', { name: 'Speaker' })).toBeVisible();
  const monday = table.getByRole('row').filter({ hasText: 'like any other Monday morning' });
  // The Speaker column gives the canonical name; the attributes keep what was typed.
  await expect(monday.getByRole('cell').nth(3)).toHaveText('Boris Bondarev');
  await expect(monday).toContainText('Speaker: Mr Bondarev');

  // The filter finds the entity by any of its names.
  const speaker = page.getByRole('search', { name: 'Filter the annotations' }).getByRole('combobox', { name: 'Speaker' });
  await speaker.fill('Boris Bondarev');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(monday).toBeVisible();
  await speaker.fill('browder');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').filter({ hasText: 'simply cannot' })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('table-speaker-1440.png') });
  await speaker.fill('');

  // Merge Browder into Bondarev on the People screen: the table credits both to Bondarev.
  await page.getByRole('navigation').getByRole('button', { name: /More/ }).click();
  await page.getByRole('menuitem', { name: 'People' }).click();
  const main = page.getByRole('main');
  const detail = main.getByRole('region', { name: 'Boris Bondarev' });
  await expect(detail).toBeVisible();
  await detail.getByLabel('Merge another into this one').selectOption('bill-browder');
  await detail.getByRole('button', { name: 'Merge' }).click();
  const list = main.getByRole('list', { name: 'People and organisations' });
  await expect(list.getByRole('button', { name: /^Bill Browder/ })).toHaveCount(0);
  await page.getByRole('navigation').getByRole('button', { name: 'Annotations' }).click();
  const cannot = table.getByRole('row').filter({ hasText: 'simply cannot' });
  await expect(cannot.getByRole('cell').nth(3)).toHaveText('Boris Bondarev');

  // Undo takes the merge back, everywhere; redo merges again.
  await page.getByRole('heading', { name: /^Annotations/ }).click();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undid: merge into Boris Bondarev' })).toBeVisible();
  await expect(cannot.getByRole('cell').nth(3)).toHaveText('Bill Browder');
  await page.keyboard.press('Control+Shift+z');
  await expect(cannot.getByRole('cell').nth(3)).toHaveText('Boris Bondarev');
  await page.keyboard.press('Control+z');
  await page.getByRole('navigation').getByRole('button', { name: /More/ }).click();
  await page.getByRole('menuitem', { name: 'People' }).click();
  await expect(list.getByRole('button', { name: /^Bill Browder/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('people-after-undo-1440.png') });
});
