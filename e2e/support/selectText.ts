/**
 * Selects a passage of an article's text with the real mouse: press at the
 * first character, drag to the last, release. Returns nothing; the app sees
 * an ordinary user selection.
 */
import type { Locator, Page } from '@playwright/test';
import { textPoint } from './textPoint';

export async function selectTextWithMouse(page: Page, editor: Locator, passage: string): Promise<void> {
  // Centre the passage first: a drag ending near a scroller's edge auto-scrolls and over-selects.
  const first = await editor.evaluate(textPoint, { text: passage, index: 0, scroll: true });
  const last = await editor.evaluate(textPoint, { text: passage, index: passage.length - 1, scroll: false });
  const from = { x: first.left + 1, y: first.y };
  const to = { x: last.right - 1, y: last.y };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, to.y, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}
