/**
 * Side by side gives the text the room (issue 18): at 1440×900, with two and
 * with six columns and a panel open, every column shows at least 600 px of
 * article text, the page itself never scrolls, and the panels sit in one
 * drawer; at 1024×700 the header stays one line and Codebook and Search are
 * reached from the keyboard through "More".
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/hostTest';
import { seriousAxeViolations } from './support/axeCheck';
import { callHost } from './support/browserHost';
import { clickInText } from './support/clickText';

/** A sixth article (the default corpus has five), written for this test. */
const SIXTH = [
  'A sixth column for the layout test',
  '',
  ...Array.from(
    { length: 30 },
    (_, i) =>
      `Paragraph ${i + 1}. The council met on a wet Tuesday to discuss the bridge, the budget and the bus timetable; ` +
      'nobody agreed on anything, and the minutes were read twice before the meeting closed.',
  ),
].join('\n');

async function compare(page: Page, count: number): Promise<Locator> {
  const main = page.getByRole('main');
  const boxes = main.getByRole('checkbox', { name: /^Compare / });
  await expect(boxes.nth(count - 1)).toBeVisible();
  for (const box of (await boxes.all()).slice(0, count)) await box.check();
  await page.getByRole('button', { name: 'Compare selected' }).click();
  const columns = page.getByRole('region').filter({ has: page.getByRole('textbox', { name: 'Article text' }) });
  await expect(columns).toHaveCount(count);
  for (const column of await columns.all()) await expect(column.getByRole('textbox', { name: 'Article text' })).toBeVisible();
  return columns;
}

/** Opens the quote suggestion's panel from the first column (every seed article carries the diplomat's quote). */
async function openPanel(page: Page, columns: Locator): Promise<void> {
  await clickInText(page, columns.first().getByRole('textbox', { name: 'Article text' }), 'ashamed of my country');
  await expect(page.getByRole('region', { name: 'Suggestion', exact: true })).toBeVisible();
}

interface Measured {
  textHeight: number;
  width: number;
}

/** How much of each column's article text is on screen: the part of its scrolling box inside the window. */
async function measure(columns: Locator): Promise<Measured[]> {
  return columns.evaluateAll((els) =>
    els.map((el) => {
      const scroller = el.querySelector<HTMLElement>('[data-scroll-container]')!;
      const box = scroller.getBoundingClientRect();
      const onScreen = Math.min(box.bottom, window.innerHeight) - Math.max(box.top, 0);
      return { textHeight: Math.min(onScreen, scroller.clientHeight), width: el.getBoundingClientRect().width };
    }),
  );
}

async function pageScrolls(page: Page): Promise<{ vertical: boolean; horizontal: boolean }> {
  return page.evaluate(() => {
    const doc = document.scrollingElement!;
    return { vertical: doc.scrollHeight > window.innerHeight, horizontal: doc.scrollWidth > window.innerWidth };
  });
}

for (const count of [2, 6]) {
  test(`${count} columns at 1440×900 with a panel open: ≥ 600 px of text each, the page does not scroll`, async ({ page, host }) => {
    if (count > 5) await callHost(host, 'importArticles', { files: [{ name: 'sixth.txt', data: Buffer.from(SIXTH).toString('base64') }] });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(host.url);
    const columns = await compare(page, count);
    await openPanel(page, columns);

    // The panels are in one drawer, named after the column they belong to.
    const drawer = page.getByRole('region', { name: 'Panels' });
    await expect(drawer.getByRole('region', { name: 'Suggestion', exact: true })).toBeVisible();
    await expect(drawer.getByRole('complementary', { name: /^Annotations: One of Putin’s key allies/ })).toBeAttached();
    for (const column of await columns.all()) await expect(column.getByRole('region', { name: 'Suggestion', exact: true })).toHaveCount(0);

    const measured = await measure(columns);
    console.log(`${count} columns at 1440×900, article text height per column: ${measured.map((m) => Math.round(m.textHeight)).join(', ')} px`);
    for (const m of measured) {
      expect(m.textHeight).toBeGreaterThanOrEqual(600);
      expect(m.width).toBeGreaterThanOrEqual(320);
    }
    expect(await pageScrolls(page)).toEqual({ vertical: false, horizontal: false });
    // The header stays where it is.
    expect((await page.locator('.app-header').boundingBox())!.y).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Folded to its rail, the drawer gives the columns the width; a panel opened again brings it back.
    await drawer.getByRole('button', { name: 'Fold the panels' }).click();
    await expect(drawer).toHaveCount(0);
    const folded = await measure(columns);
    expect(folded[0]!.width).toBeGreaterThanOrEqual(measured[0]!.width);
    await page.getByRole('button', { name: 'Show the panels' }).click();
    await expect(page.getByRole('region', { name: 'Panels' })).toBeVisible();
  });
}

test('layer toggles hide suggestions, shared passages and group outlines, and are remembered; the list is one line each', async ({ page, host }) => {
  // Three annotations in each of the first two articles, the first two linked as a group.
  const [a, b] = ['000_9c2375f696f0b1fa', '001_b0e24d4478126009'];
  const made: { articleId: string; id: string }[] = [];
  for (const articleId of [a, b])
    for (const [start, end] of [[0, 40], [60, 120], [130, 200]])
      made.push((await callHost(host, 'createAnnotation', { articleId, tagId: 'claim', start, end, note: 'a note that only the full row shows' })) as { articleId: string; id: string });
  await callHost(host, 'createGroup', { label: 'Opening lines', members: [made[0], made[3]].map((m) => ({ articleId: m!.articleId, annotationId: m!.id })) });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  const columns = await compare(page, 2);
  const layers = page.getByRole('group', { name: 'Show' });
  const texts = page.getByRole('textbox', { name: 'Article text' });
  await expect(texts.locator('[data-suggestion-id]').first()).toBeAttached();
  await expect(texts.locator('[data-align-group]').first()).toBeAttached();
  await expect(texts.locator('[data-group-ids]').first()).toBeAttached();

  for (const [name, selector] of [
    ['Suggestions', '[data-suggestion-id]'],
    ['Shared passages', '[data-align-group]'],
    ['Groups', '[data-group-ids]'],
  ] as const) {
    await layers.getByRole('button', { name }).click();
    await expect(layers.getByRole('button', { name })).toHaveAttribute('aria-pressed', 'false');
    await expect(texts.locator(selector)).toHaveCount(0);
  }
  // The annotations themselves stay.
  await expect(columns.first().locator('[data-annotation-id]').first()).toBeAttached();
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Remembered on the next visit; shown again when switched back on.
  await page.reload();
  await expect(columns.first().locator('[data-annotation-id]').first()).toBeAttached();
  await expect(page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Groups' })).toHaveAttribute('aria-pressed', 'false');
  await expect(texts.locator('[data-suggestion-id]')).toHaveCount(0);
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Groups' }).click();
  await expect(texts.locator('[data-group-ids]').first()).toBeAttached();
  await expect(texts.locator('[data-suggestion-id]')).toHaveCount(0);

  // The drawer's list: one line per annotation, the picked one in full; the button's name keeps the note.
  const list = page.getByRole('region', { name: 'Panels' }).getByRole('complementary', { name: /^Annotations: One of Putin’s key allies/ });
  const items = list.getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(list.getByRole('button', { name: /a note that only the full row shows/ })).toHaveCount(3);
  const oneLine = await items.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
  for (const height of oneLine) expect(height).toBeLessThanOrEqual(32);
  await list.getByRole('button', { name: /a note that only the full row shows/ }).nth(1).click();
  await expect.poll(async () => (await items.nth(1).boundingBox())!.height).toBeGreaterThan(40);
  await list.getByRole('button', { name: 'One line each' }).click();
  await expect(list.getByRole('button', { name: 'One line each' })).toHaveAttribute('aria-pressed', 'false');
  expect((await items.nth(0).boundingBox())!.height).toBeGreaterThan(40);
});

test('at 1024×700 the header is one line and Codebook and Search are reached from the keyboard', async ({ page, host }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(host.url);
  await compare(page, 2);

  const header = page.locator('.app-header');
  const nav = page.getByRole('navigation', { name: 'Screens' });
  const sideBySide = nav.getByRole('button', { name: 'Side by side' });
  await expect(sideBySide).toHaveAttribute('aria-current', 'page');
  const [headerBox, buttonBox, libraryBox] = [await header.boundingBox(), await sideBySide.boundingBox(), await nav.getByRole('button', { name: 'Library' }).boundingBox()];
  // One line: the header keeps its height and "Side by side" is as tall as a one-word button.
  expect(headerBox!.height).toBeLessThanOrEqual(53);
  expect(buttonBox!.height).toBe(libraryBox!.height);
  expect(await pageScrolls(page)).toEqual({ vertical: false, horizontal: false });
  // Every control of the header is inside the window.
  for (const control of await header.getByRole('button').all()) {
    const box = (await control.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
  }

  // Tab to "More", open it from the keyboard, go to Search.
  const more = nav.getByRole('button', { name: /^More/ });
  await nav.getByRole('button', { name: 'Library' }).focus();
  for (let i = 0; i < 12 && !(await more.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(more).toBeFocused();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'More screens' });
  await expect(menu.getByRole('menuitem')).toHaveText(['Annotations', 'Coverage', 'Who copies whom', 'Codebook', 'Search', 'Agreement', 'People', 'Team sync…']);
  await expect(menu.getByRole('menuitem', { name: 'Annotations' })).toBeFocused();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Team sync…' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Search' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Search the corpus' })).toBeVisible();
  await expect(menu).toHaveCount(0);

  // Escape closes the menu and gives the focus back; ↑ opens it on its last item (Agreement); Codebook from there.
  await more.focus();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Annotations' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(more).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Team sync…' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Codebook' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Codebook' })).toBeVisible();
});

test('the page has an icon, drawn without a request (no favicon.ico 404)', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
  const icon = page.locator('link[rel="icon"]');
  await expect(icon).toHaveCount(1);
  expect(await icon.getAttribute('href')).toMatch(/^data:image\/svg\+xml,/);
  // It loads as an image under the page's Content-Security-Policy.
  const width = await icon.evaluate(
    (link: HTMLLinkElement) =>
      new Promise<number>((resolve) => {
        const image = new Image();
        image.onload = () => resolve(image.naturalWidth);
        image.onerror = () => resolve(0);
        image.src = link.href;
      }),
  );
  expect(width).toBeGreaterThan(0);
});
