/**
 * The screens with what real corpora bring and real windows are: an Arabic
 * article (read right to left), a 60-character speaker and a long outlet
 * name, the annotation table at 900 px, the header at 1280 px with Reader and
 * Side by side open, and the focus after a dialog closes or an import ends.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/hostTest';
import { dropFiles } from './support/dropFiles';
import { openScreen } from './support/openScreen';
import { callHost } from './support/browserHost';

const SPEAKER = 'Maximiliana Alexandrovna Konstantinopoulou-Wetherspoon-Montgomery';
const LONG = `---
title: Minister resigns after inquiry finds warnings about inflated emergency contracts were ignored
author: ${SPEAKER}
outlet: The Extraordinarily Long-Named Regional Evening Chronicle and Gazette
date: 2024-03-02
---

The minister stepped down on Friday. “We failed the public, and I accept full responsibility for that failure,” said ${SPEAKER}, the ministry's chief auditor.
`;
const ARABIC = `---
title: استقالة وزير بعد تحقيق برلماني في عقود المعدات الطارئة
outlet: الجزيرة
---

استقال الوزير يوم الجمعة بعد أن خلص تحقيق برلماني إلى أن مكتب المشتريات تجاهل تحذيرات متكررة.
`;

const width = async (locator: Locator): Promise<number> => (await locator.boundingBox())!.width;
const direction = (locator: Locator): Promise<string> => locator.evaluate((e) => getComputedStyle(e).direction);
const focusedName = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const e = document.activeElement;
    return !e || e === document.body ? '(the page itself)' : e.getAttribute('aria-label') || e.textContent?.trim() || e.tagName;
  });

test('long names and an Arabic article: layout holds, right to left reads right to left, the table names attributes', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  const main = page.getByRole('main');
  await expect(main.getByRole('button', { name: /^One of Putin’s key allies/ })).toBeVisible();
  await dropFiles(page, { 'long.md': LONG, 'arabic.md': ARABIC });
  await expect(page.getByRole('region', { name: 'Import report' }).getByRole('status')).toHaveText('Imported 2 articles.');
  // The long outlet name does not stretch the outlet filter across the row.
  expect(await width(main.getByLabel('Outlet'))).toBeLessThanOrEqual(230);

  await main.getByRole('button', { name: /^استقالة/ }).click();
  const text = page.getByRole('textbox', { name: 'Article text' });
  await expect(text).toContainText('استقال الوزير');
  expect(await direction(text.locator('p').first())).toBe('rtl');
  expect(await direction(main.getByRole('heading', { level: 1 }))).toBe('rtl');

  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Library' }).click();
  await main.getByRole('button', { name: /^Minister resigns/ }).click();
  await expect(text).toContainText('We failed the public');
  await text.focus();
  await page.keyboard.press('n');
  const suggestion = page.getByRole('region', { name: 'Suggestion' });
  await expect(suggestion.getByRole('blockquote')).toHaveText('We failed the public, and I accept full responsibility for that failure');
  await expect(suggestion.getByLabel('Speaker')).toHaveValue(SPEAKER);
  await suggestion.getByRole('button', { name: /^Accept suggestion/ }).click();
  // Its first words (the highlight's box spans two lines, and its middle is not the highlight).
  const start = await text.locator('[data-annotation-id]').first().evaluate((e) => {
    const r = e.getClientRects()[0]!;
    return { x: r.left + 6, y: r.top + r.height / 2 };
  });
  await page.mouse.click(start.x, start.y);
  const panel = page.getByRole('region', { name: 'Annotation' });
  // The speaker's field spans the attributes box, not half of it.
  const attributes = panel.getByRole('group', { name: 'Attributes' });
  expect(await width(attributes.getByLabel('Speaker'))).toBeGreaterThan(0.8 * (await width(attributes)));

  await page.setViewportSize({ width: 900, height: 700 });
  await page.goto(`${host.url}&view=annotations`);
  const row = main.getByRole('row', { name: /We failed the public/ });
  await expect(row).toContainText(`Speaker: ${SPEAKER} · Direct or indirect: direct`);
  // Every column head stays on one line: none is squeezed until its name breaks.
  const heads = await main.locator('thead button').evaluateAll((buttons) => buttons.map((b) => [b.textContent, b.getBoundingClientRect().height] as const));
  for (const [name, height] of heads) expect(height, `${name}`).toBeLessThan(40);
});

test('the focus stays on Import articles… through an import; the header at 1280 px with Reader and Side by side open keeps every screen reachable; dialogs give the focus back', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  const main = page.getByRole('main');
  // Importing from the keyboard: the focus is still on the button when the report comes.
  const importButton = main.getByRole('button', { name: 'Import articles…' });
  await importButton.focus();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name: 'note.md', mimeType: 'text/markdown', buffer: Buffer.from('# Council meets\n\nThe council met on Monday.') });
  await expect(page.getByRole('region', { name: 'Import report' }).getByRole('status')).toHaveText('Imported 1 article.');
  await expect(importButton).toBeFocused();

  await main.getByRole('button', { name: /^One of Putin’s key allies/ }).click();
  await expect(page.getByRole('textbox', { name: 'Article text' })).toBeVisible();
  await page.goto(`${host.url}&view=compare&articles=000_9c2375f696f0b1fa,001_b0e24d4478126009`);
  const nav = page.getByRole('navigation', { name: 'Screens' });
  await expect(nav.getByRole('button', { name: 'Side by side' })).toBeVisible();
  // The toolbar's hint is read whole at 1280 px, not cut off with an ellipsis.
  const hint = page.getByText(/^Click a tinted passage/);
  await expect(hint).toBeVisible({ timeout: 30_000 });
  expect(await hint.evaluate((e) => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight)).toBe(true);
  await expect(hint).toHaveText('Click a tinted passage, or press Enter in it, to compare its wording.');
  await expect(nav.getByRole('button', { name: 'Reader' })).toBeVisible();
  const navRight = await nav.locator('li').last().evaluate((li) => li.getBoundingClientRect().right);
  const exportLeft = (await page.getByRole('button', { name: /^Export/ }).boundingBox())!.x;
  expect(navRight).toBeLessThanOrEqual(exportLeft);

  // A long coder name on the Agreement screen: one line, cut, with its counts under it (not four lines of a narrow column).
  await callHost(host, 'setCoder', { name: SPEAKER });
  await callHost(host, 'createAnnotation', { articleId: '000_9c2375f696f0b1fa', tagId: 'claim', start: 0, end: 20 });
  await callHost(host, 'setCoder', { name: 'e2e' });
  await openScreen(page, 'Agreement');
  const coderName = page.getByRole('group', { name: 'Coders' }).getByText(SPEAKER, { exact: true });
  await expect(coderName).toHaveAttribute('title', SPEAKER);
  const lineHeight = await coderName.evaluate((e) => e.getBoundingClientRect().height);
  const label = page.getByRole('group', { name: 'Coders' }).locator('label').filter({ hasText: SPEAKER });
  expect((await label.boundingBox())!.height).toBeLessThanOrEqual(2 * lineHeight + 4);

  // No groups yet: the coverage CSV is not offered, and the button says why.
  await openScreen(page, 'Coverage');
  await expect(main.getByText(/^No groups yet/)).toBeVisible();
  const exportCoverage = main.getByRole('button', { name: 'Export coverage CSV' });
  await expect(exportCoverage).toBeDisabled();
  await expect(exportCoverage).toHaveAccessibleDescription('Nothing to export: no groups yet.');

  const more = nav.getByRole('button', { name: /^More/ });
  await more.click();
  await page.getByRole('menu', { name: 'More screens' }).getByRole('menuitem', { name: 'Team sync…' }).click();
  await expect(page.getByRole('dialog', { name: 'Team sync' })).toBeVisible();
  // The remote field's placeholder is read whole, not cut off at the field's edge.
  const remoteField = page.getByRole('dialog', { name: 'Team sync' }).getByRole('textbox', { name: 'Team remote' });
  const placeholderFits = await remoteField.evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = style.font;
    return context.measureText(input.placeholder).width <= input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  });
  expect(placeholderFits).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await focusedName(page)).toMatch(/^More/);

  await page.getByRole('button', { name: /^Coder: / }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await focusedName(page)).toMatch(/^Coder: /);
});
