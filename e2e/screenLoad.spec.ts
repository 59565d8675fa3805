/**
 * Screens other than the library load their code on first use. When that
 * code cannot be fetched (the host stopped meanwhile, say), the window says
 * so and offers to reload instead of going blank; the library still works.
 */
import { expect, test } from './support/hostTest';

test('a screen whose code cannot be loaded says so, offers Reload, and the library still works', async ({ page, host }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.route('**/assets/ArticleView-*.js', (route) => route.abort());
  await page.goto(host.url);
  const library = page.getByRole('main');
  // The first article's title (the column heads are sort buttons too).
  const firstTitle = library.getByRole('table').getByRole('row').nth(1).getByRole('button').first();
  await firstTitle.click();

  const alert = page.getByRole('alert').filter({ hasText: 'This screen could not be loaded' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Is Triangulate still running?');
  await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Library' }).click();
  await expect(firstTitle).toBeVisible();
  await expect(alert).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
