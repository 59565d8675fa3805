/**
 * Every screen at 1024×700, 1440×900 and 1920×1080 (issue 18): the header
 * stays on one line, no visible button is left with the browser's own look
 * (Chromium draws an unstyled button with an outset border), and each
 * screen is photographed to $TRI_SHOTS (default /tmp/triangulate-shots) to
 * be looked at.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/hostTest';
import { openScreen } from './support/openScreen';

const SHOTS = process.env.TRI_SHOTS ?? '/tmp/triangulate-shots';

/** Visible buttons that still have the browser's default look, by their text. */
async function unstyledButtons(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button')]
      .filter((b) => b.getClientRects().length > 0 && getComputedStyle(b).visibility !== 'hidden')
      .filter((b) => getComputedStyle(b).borderTopStyle === 'outset')
      .map((b) => (b.textContent ?? '').trim() || b.getAttribute('aria-label') || '?'),
  );
}

async function look(page: Page, name: string, width: number): Promise<void> {
  await page.waitForTimeout(300);
  expect((await page.locator('.app-header').boundingBox())!.height, `header of ${name} at ${width} px`).toBeLessThanOrEqual(53);
  expect(await unstyledButtons(page), `unstyled buttons on ${name} at ${width} px`).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/tour-${name}-${width}.png` });
}

for (const [width, height] of [
  [1024, 700],
  [1440, 900],
  [1920, 1080],
] as const) {
  test(`every screen at ${width}×${height}: header on one line, no unstyled button`, async ({ page, host }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height });
    await page.goto(host.url);
    const main = page.getByRole('main');
    await expect(main.getByRole('table')).toBeVisible();
    await look(page, 'library', width);

    await main.getByRole('table').getByRole('row').nth(1).getByRole('button').first().click();
    await expect(page.getByRole('textbox', { name: 'Article text' })).toBeVisible();
    await look(page, 'reader', width);

    await openScreen(page, 'Library');
    const boxes = main.getByRole('checkbox', { name: /^Compare / });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: 'Compare selected' }).click();
    await expect(page.getByText(/^\d+ shared passages?$/)).toBeVisible({ timeout: 30_000 });
    await look(page, 'side-by-side', width);

    for (const [screen, heading] of [
      ['Annotations', /^Annotations/],
      ['Coverage', /^Coverage$/],
      ['Who copies whom', /^Who copies whom$/],
      ['Codebook', /^Codebook$/],
      ['Search', /Search/],
      ['Agreement', /Agreement/],
    ] as const) {
      await openScreen(page, screen);
      await expect(main.getByRole('heading', { level: 1 }).first()).toHaveText(heading);
      await look(page, screen.toLowerCase().replace(/ /g, '-'), width);
    }
  });
}
