/**
 * The desktop View menu switches screens in place: the window is not loaded
 * again, so the session's undo history stays. The menu's commands reach the
 * page through the preload's `window.triangulateCommands`; here a stand-in
 * for it (installed before the page loads) sends them, as the menu would.
 */
import { expect, test } from './support/hostTest';
import { selectTextWithMouse } from './support/selectText';

const TITLE = /^‘’For twenty years of my diplomatic career/;
const PASSAGE = 'I regret to admit that over all these twenty years the level of lies and unprofessionalism';

test('View menu: screens switch in place and an annotation made before can still be undone', async ({ page, host }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { triangulateCommands: unknown; menuCommand: (name: string) => void };
    let listener: (name: string) => void = () => {};
    w.triangulateCommands = {
      onCommand(next: (name: string) => void) {
        listener = next;
        return () => {};
      },
    };
    w.menuCommand = (name) => listener(name);
  });
  const menu = (name: string) => page.evaluate((n) => (window as unknown as { menuCommand: (n: string) => void }).menuCommand(n), name);

  await page.goto(host.url);
  await page.getByRole('main').getByRole('button', { name: TITLE }).click();
  const editor = page.getByRole('textbox', { name: 'Article text' });
  await selectTextWithMouse(page, editor, PASSAGE);
  await page.keyboard.press('2');
  await expect(editor.locator('[data-annotation-id][data-tag="quote"]')).toHaveText(PASSAGE);
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  await menu('show-codebook');
  await expect(page.getByRole('heading', { name: 'Codebook' })).toBeVisible();
  await menu('show-library');
  await expect(page.getByRole('main').getByRole('button', { name: TITLE })).toBeVisible();
  await menu('show-reader');
  await expect(page.getByRole('textbox', { name: 'Article text' }).locator('[data-tag="quote"]')).toHaveText(PASSAGE);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  await page.getByRole('textbox', { name: 'Article text' }).focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undid: create Quote' })).toBeVisible();
  await expect(page.locator('[data-annotation-id]')).toHaveCount(0);
});
