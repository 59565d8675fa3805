/**
 * The same select-and-tag path in the desktop app through Playwright's
 * Electron support. Electron's binary is downloaded on first use; where it is
 * absent (machines without access to GitHub, like this project's CI), the
 * test is skipped with that reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { ROOT, freshDataDir, removeDataDir } from './support/browserHost';
import { selectTextWithMouse } from './support/selectText';

function electronBinary(): string | null {
  const dir = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const SKIP_REASON =
  'Electron binary not downloaded on this machine (node_modules/electron/dist is missing); the desktop path runs where Electron can download itself';
const PASSAGE = 'The Times also spoke with Bondarev over the phone';

test('desktop app: tag a passage, restart, the same article reopens with the highlight', async () => {
  // The list reporter shows a skip without its reason: say it in the run's output too.
  if (!binary) console.log(`desktop e2e skipped: ${SKIP_REASON}`);
  test.skip(!binary, SKIP_REASON);
  const dataDir = freshDataDir();
  const launch = () =>
    electron.launch({
      executablePath: binary!,
      args: [ROOT, '--no-sandbox'],
      env: { ...process.env, TRIANGULATE_DATA: dataDir },
    });
  try {
    let app = await launch();
    let page = await app.firstWindow();
    await page.getByRole('main').getByRole('button', { name: /^On Monday, a Russian diplomat/ }).click();
    const editor = page.getByRole('textbox', { name: 'Article text' });
    await selectTextWithMouse(page, editor, PASSAGE);
    await page.getByRole('toolbar', { name: 'Tag selection' }).getByRole('button', { name: 'Quote' }).click();
    await expect(editor.locator('[data-tag="quote"]')).toHaveText(PASSAGE);
    await app.close();

    // The app reopens where it was closed (window-state.json in the data folder): the same article.
    app = await launch();
    page = await app.firstWindow();
    await expect(page.getByRole('textbox', { name: 'Article text' }).locator('[data-tag="quote"]')).toHaveText(PASSAGE);
    await app.close();
  } finally {
    removeDataDir(dataDir);
  }
});
