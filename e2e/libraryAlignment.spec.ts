/**
 * Aligning the whole library from "Who copies whom", on a made-up library of
 * 2,000 short articles (every hundredth repeats one council statement): the first
 * run finishes and lists the shared passage; a second run shows a progress
 * bar with its phase and counts and a Cancel button; cancelling stops it and
 * says the previous results are kept, and they are still shown. Screenshot
 * of the run in progress. The second run is held before it reads (the host's
 * TRIANGULATE_ALIGN_HOLD_FILE exists meanwhile), so Cancel surely finds it
 * running however fast the machine.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { seriousAxeViolations } from './support/axeCheck';
import { freshDataDir, removeDataDir, startBrowserHost } from './support/browserHost';

const COUNT = 2000;
const STATEMENT = 'The council said on Tuesday that the new bridge over the river would open in the spring after two years of delays and rising costs.';

function article(n: number): string {
  // Words of its own (a small generator seeded by the article's number): no two articles share five in a row.
  let seed = n * 7919 + 1;
  const words = Array.from({ length: 600 }, () => {
    seed = (seed * 48271) % 2147483647;
    return `w${seed % 50_000}`;
  }).join(' ');
  return `Local report number ${n}\n\n${n % 100 === 0 ? `${STATEMENT} ` : ''}Report ${n} says: ${words}.\n`;
}

test('the library alignment shows its progress, and Cancel stops it keeping the previous results', async ({ page }) => {
  test.setTimeout(300_000);
  const corpus = mkdtempSync(join(tmpdir(), 'triangulate-align-ui-'));
  for (let n = 0; n < COUNT; n++) writeFileSync(join(corpus, `r${String(n).padStart(4, '0')}.txt`), article(n));
  const dataDir = freshDataDir();
  const hold = join(corpus, 'hold-the-alignment');
  const host = await startBrowserHost(dataDir, { env: { TRIANGULATE_CORPUS: corpus, TRIANGULATE_ALIGN_HOLD_FILE: hold } });
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(host.url);
    await expect(page.getByRole('table', { name: 'Articles in the library' })).toBeVisible({ timeout: 120_000 });
    await page.getByRole('navigation').getByRole('button', { name: /More/ }).click();
    await page.getByRole('menuitem', { name: 'Who copies whom' }).click();
    const panel = page.getByRole('region', { name: 'Shared passages across the library' });
    await expect(panel).toContainText('The library has not been aligned yet.');

    // A first run to the end: its groups are the results a cancelled run must keep.
    await panel.getByRole('button', { name: 'Align the library' }).click();
    await expect(panel.getByRole('status')).toHaveText(/^The library is aligned: [\d,]+ groups? of shared passages over 2,000 articles\.$/, { timeout: 180_000 });
    const kept = await panel.locator('.library-alignment__kept').innerText();
    expect(kept).toMatch(/^Last aligned .*: [\d,]+ groups? of shared passages over 2,000 articles\.$/);
    const groups = panel.getByRole('list', { name: 'Largest shared passages' });
    await expect(groups.getByRole('listitem').first()).toContainText(/^20 articles: “.*The council said on Tuesday/);
    const listed = await groups.innerText();

    // A second run, held before it reads: progress with the phase and counts, then Cancel.
    writeFileSync(hold, '');
    await panel.getByRole('button', { name: 'Align the library again' }).click();
    const bar = panel.getByRole('progressbar', { name: 'Alignment progress' });
    await expect(bar).toBeVisible();
    await expect(panel.getByRole('status')).toHaveText(/^Reading articles: 0 of 2,000$/);
    await page.screenshot({ path: test.info().outputPath('library-alignment-running-1440.png') });
    await panel.getByRole('button', { name: 'Cancel alignment' }).click();
    await expect(panel.getByRole('status')).toHaveText(/^The alignment was cancelled\. The previous results \([\d,]+ groups? over 2,000 articles\) are kept\.$/);
    await expect(bar).toHaveCount(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath('library-alignment-cancelled-1440.png') });
    expect(await panel.locator('.library-alignment__kept').innerText()).toBe(kept);
    expect(await groups.innerText()).toBe(listed);
    await expect(panel.getByRole('button', { name: 'Align the library again' })).toBeEnabled();
  } finally {
    await host.stop();
    removeDataDir(dataDir);
    rmSync(corpus, { recursive: true, force: true });
  }
});
