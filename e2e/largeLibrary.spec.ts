/**
 * A library of 1,200 articles: the list draws only the rows in view (it is
 * virtualised), yet reads as the whole table (aria-rowcount), scrolls to its
 * last article, and that article opens. The reader's annotation list works
 * the same way (covered by the other specs with short lists).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { seriousAxeViolations } from './support/axeCheck';
import { freshDataDir, removeDataDir, startBrowserHost } from './support/browserHost';

const COUNT = 1200;
const title = (n: number) => `Article number ${String(n).padStart(4, '0')} on the long list`;

test('a library of 1,200 articles: only the rows in view are drawn; the last one scrolls into view and opens', async ({ page }) => {
  test.setTimeout(120_000);
  const corpus = mkdtempSync(join(tmpdir(), 'triangulate-large-'));
  for (let n = 0; n < COUNT; n++) {
    writeFileSync(join(corpus, `a${String(n).padStart(4, '0')}.txt`), `${title(n)}\n\nThe council met on day ${n} and said “we will see”.\n`);
  }
  const dataDir = freshDataDir();
  const host = await startBrowserHost(dataDir, { env: { TRIANGULATE_CORPUS: corpus } });
  try {
    await page.goto(host.url);
    const table = page.getByRole('table', { name: 'Articles in the library' });
    await expect(table.getByRole('button', { name: title(0) })).toBeVisible({ timeout: 60_000 });
    await expect(table).toHaveAttribute('aria-rowcount', String(COUNT + 1));
    const drawn = await table.locator('tbody tr:not(.virtual-spacer)').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(80);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Scroll the page (the app's main area) to the end: the last article is drawn, in its place.
    await page.locator('main.app-main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
    const last = table.getByRole('button', { name: title(COUNT - 1) });
    await expect(last).toBeVisible();
    await expect(table.getByRole('row', { name: new RegExp(title(COUNT - 1)) })).toHaveAttribute('aria-rowindex', String(COUNT + 1));
    await expect(table.getByRole('button', { name: title(0) })).toHaveCount(0);
    await last.click();
    await expect(page.getByRole('heading', { level: 1, name: title(COUNT - 1) })).toBeVisible();
  } finally {
    await host.stop();
    removeDataDir(dataDir);
    rmSync(corpus, { recursive: true, force: true });
  }
});
