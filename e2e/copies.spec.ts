/**
 * Who copies whom on the default corpus (five articles about one event):
 * reached from the header, a pair known to share passages shows a non-zero
 * share, clusters say their kind, the arrow keys move between cells, and a
 * cell opens the two articles side by side scrolled to their longest shared
 * passage. Screenshot at 1440×900; axe clean. Below 1600 px
 * the screen is in the header's More menu, so the header's row never runs
 * under the export and import buttons.
 */
import { expect, test } from './support/hostTest';
import { seriousAxeViolations } from './support/axeCheck';

test('who copies whom: a shared pair has a figure, a cell opens both side by side', async ({ page, host }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('button', { name: /More/ }).click(); // in the menu below 1600 px
  await page.getByRole('menuitem', { name: 'Who copies whom' }).click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Who copies whom' })).toBeVisible();
  const table = main.getByRole('table');
  await expect(table.getByRole('rowheader')).toHaveCount(5);

  // "One of Putin's key allies…" and "On Monday, a Russian diplomat…" quote the same letter at length.
  const cell = table.getByRole('button', { name: /^[1-9]\d*% of One of Putin.* is found in On Monday, a Russian/ });
  await expect(cell).toHaveCount(1);
  // Each cluster says what kind of copying it is.
  for (const item of await main.getByRole('list', { name: 'Clusters' }).getByRole('listitem').all()) {
    await expect(item).toContainText(/^C\d+ (Wire copy|Verbatim copy|Syndicated rewrite):/);
  }
  expect(await cell.innerText()).toMatch(/^[1-9]\d*%$/);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('copies-1440.png') });

  // Keyboard: from this cell, → moves to the next column's cell in the same row, ← comes back.
  await cell.focus();
  const row = await cell.getAttribute('data-row');
  const col = Number(await cell.getAttribute('data-col'));
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator(':focus')).toHaveAttribute('data-row', row!);
  await expect(page.locator(':focus')).not.toHaveAttribute('data-col', String(col));
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(':focus')).toHaveAttribute('data-col', String(col));

  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: /^One of Putin’s key allies/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /^On Monday, a Russian diplomat/ })).toBeVisible();
  await expect(page).toHaveURL(/view=compare/);
  // Opened at their longest shared passage: selected (its panel open) and in view in both columns.
  await expect(page).toHaveURL(/at=shared/);
  await expect(page.getByRole('region', { name: 'Shared passage' })).toBeVisible({ timeout: 30_000 });
  for (const name of [/^One of Putin’s key allies/, /^On Monday, a Russian diplomat/]) {
    const column = page.getByRole('region', { name });
    await expect
      .poll(() =>
        column.evaluate((el) => {
          const scroller = el.querySelector('[data-scroll-container]')!.getBoundingClientRect();
          const mark = el.querySelector('.tri-al--selected')?.getBoundingClientRect();
          return !!mark && mark.top >= scroller.top && mark.bottom <= scroller.bottom + mark.height && mark.top < scroller.bottom;
        }),
      )
      .toBe(true);
  }
  // The second article's passage is well down its text: that column was scrolled to it.
  expect(await page.evaluate(() => Math.max(...[...document.querySelectorAll('[data-scroll-container]')].map((el) => el.scrollTop)))).toBeGreaterThan(0);
  await page.screenshot({ path: `${process.env.TRI_SHOTS ?? '/tmp/triangulate-shots'}/copies-pair-at-shared-1440.png` });

  // With Side by side and the Reader in the header too, its row still ends before the export button.
  const nav = page.getByRole('navigation');
  await nav.getByRole('button', { name: 'Library' }).click();
  await page.getByRole('main').getByRole('button', { name: /^One of Putin’s key allies/ }).click();
  await expect(nav.getByRole('button', { name: 'Reader' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Side by side' })).toBeVisible();
  const last = await nav.getByRole('button').last().boundingBox();
  const exportButton = await page.getByRole('button', { name: /^Export/ }).first().boundingBox();
  expect(last!.x + last!.width).toBeLessThanOrEqual(exportButton!.x);
});

test('who copies whom is in the More menu at 1024 px; at 1200 px too; the row never runs under the export', async ({ page, host }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(host.url);
  const nav = page.getByRole('navigation');
  await nav.getByRole('button', { name: /More/ }).click();
  await page.getByRole('menuitem', { name: 'Who copies whom' }).click();
  await expect(page.getByRole('main').getByRole('heading', { name: 'Who copies whom' })).toBeVisible();
  const header = await page.locator('.app-header').boundingBox();
  expect(header!.height).toBeLessThan(70);
  // Below 1600 px it stays in the menu: the row's buttons end before the export button starts.
  await page.setViewportSize({ width: 1200, height: 800 });
  await expect(nav.getByRole('button', { name: 'Who copies whom' })).toHaveCount(0);
  const last = await nav.getByRole('button').last().boundingBox();
  const exportButton = await page.getByRole('button', { name: /^Export/ }).first().boundingBox();
  expect(last!.x + last!.width).toBeLessThanOrEqual(exportButton!.x);
  expect((await page.locator('.app-header').boundingBox())!.height).toBeLessThan(70);
  await page.screenshot({ path: test.info().outputPath('copies-1200.png') });
});
