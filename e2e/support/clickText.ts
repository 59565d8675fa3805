/**
 * Clicks inside a passage of an article's text with the real mouse, on the
 * middle of one of its characters (the first occurrence of the passage;
 * `charIndex` picks the character, default its middle one). The passage is
 * scrolled to the centre of its column first.
 */
import type { Locator, Page } from '@playwright/test';
import { textPoint } from './textPoint';

export async function clickInText(page: Page, editor: Locator, passage: string, charIndex?: number): Promise<void> {
  const index = charIndex ?? Math.floor(passage.length / 2);
  const point = await editor.evaluate(textPoint, { text: passage, index, scroll: true });
  await page.mouse.click(point.x, point.y);
}
