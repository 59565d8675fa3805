/**
 * Comparing like a researcher (issue 18), on the default corpus: synchronised
 * scrolling keeps the shared passages level across columns; overlapping
 * highlights stay legible and show a card on hover; search hits have their
 * own style; the library sorts and filters. Screenshots go to
 * $TRI_SHOTS (default /tmp/triangulate-shots) to be looked at.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/hostTest';
import { seriousAxeViolations } from './support/axeCheck';
import { callHost, type BrowserHost } from './support/browserHost';
import { clickInText } from './support/clickText';
import { openScreen } from './support/openScreen';

const SHOTS = process.env.TRI_SHOTS ?? '/tmp/triangulate-shots';
const [A000, A002] = ['000_9c2375f696f0b1fa', '002_38b56a2e379d189f'];

async function textOf(host: BrowserHost, id: string): Promise<string> {
  return ((await callHost(host, 'getArticle', { id })) as { text: string }).text;
}

/** The top of a column's first shared-passage decoration of this group, relative to the top of its scrolling box. */
async function passageTop(column: Locator, groupId: string): Promise<number> {
  return column.evaluate((el, id) => {
    const scroller = el.querySelector('[data-scroll-container]')!;
    const mark = el.querySelector(`[data-align-group="${CSS.escape(id)}"]`)!;
    return mark.getClientRects()[0]!.top - scroller.getBoundingClientRect().top;
  }, groupId);
}

/** The library's checkboxes at these places ticked, compared; the columns. */
async function compareAt(page: Page, places: number[]): Promise<Locator> {
  const count = places.length;
  const boxes = page.getByRole('main').getByRole('checkbox', { name: /^Compare / });
  await expect(boxes.nth(Math.max(...places))).toBeVisible();
  for (const place of places) await boxes.nth(place).check();
  await page.getByRole('button', { name: 'Compare selected' }).click();
  const columns = page.getByRole('region').filter({ has: page.getByRole('textbox', { name: 'Article text' }) });
  await expect(columns).toHaveCount(count);
  await expect(page.getByText(/^\d+ shared passages?$/)).toBeVisible({ timeout: 30_000 });
  return columns;
}

async function scrollTopOf(column: Locator): Promise<number> {
  return column.locator('[data-scroll-container]').evaluate((el) => el.scrollTop);
}

test('synchronised scrolling keeps the selected shared passage level across columns, and follows the reader', async ({ page, host }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(host.url);
  // 000 has the quote in its first lines, 003 and 004 further down.
  const columns = await compareAt(page, [0, 3, 4]);
  const sync = page.getByRole('button', { name: 'Sync scrolling' });
  await expect(sync).toHaveAttribute('aria-pressed', 'false');
  await sync.click();
  await expect(sync).toHaveAttribute('aria-pressed', 'true');

  // Select the diplomat's quote in the first column: every column lines up on it.
  const third = columns.nth(2);
  await clickInText(page, columns.first().getByRole('textbox', { name: 'Article text' }), 'so ashamed of my country');
  await expect(page.getByRole('region', { name: 'Shared passage' })).toBeVisible();
  const groupId = (await columns.first().locator('.tri-al--selected').first().getAttribute('data-align-group'))!;
  const level = async () => {
    const tops = [];
    for (const column of await columns.all()) tops.push(await passageTop(column, groupId));
    return tops;
  };
  const isLevel = async () => {
    const tops = await level();
    return Math.max(...tops) - Math.min(...tops);
  };
  await expect.poll(isLevel, { timeout: 5_000 }).toBeLessThanOrEqual(3);
  console.log(`selected passage's top in each column after selecting it: ${(await level()).map(Math.round).join(', ')} px`);
  await page.screenshot({ path: `${SHOTS}/sync-scroll-1440.png` });

  // The reader scrolls the third column with the wheel: the others follow, the passage stays level.
  const box = (await third.locator('[data-scroll-container]').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const before = await scrollTopOf(columns.first());
  await page.mouse.wheel(0, 120);
  await page.waitForTimeout(500);
  console.log(`after the wheel: scrollTop ${await scrollTopOf(columns.first())}, ${await scrollTopOf(columns.nth(1))}, ${await scrollTopOf(third)}; passage tops ${(await level()).map(Math.round).join(', ')}`);
  await expect.poll(async () => Math.abs((await scrollTopOf(columns.first())) - before)).toBeGreaterThan(20);
  await expect.poll(isLevel, { timeout: 5_000 }).toBeLessThanOrEqual(3);

  // Remembered; switched off, the columns scroll on their own again.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sync scrolling' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Sync scrolling' }).click();
  await expect(page.getByRole('button', { name: 'Sync scrolling' })).toHaveAttribute('aria-pressed', 'false');
  const firstBefore = await scrollTopOf(columns.first());
  await third.locator('[data-scroll-container]').evaluate((el) => el.scrollBy(0, 300));
  await page.waitForTimeout(300);
  expect(await scrollTopOf(columns.first())).toBe(firstBefore);
  expect(await seriousAxeViolations(page)).toEqual([]);
});

test('a Quote inside a Claim stays legible; the hover card shows tag, coder, note and attributes; search hits are not a tag colour', async ({ page, host }) => {
  const text = await textOf(host, A002);
  const sentenceStart = text.indexOf('‘’For twenty years');
  const sentenceEnd = text.indexOf('he wrote', sentenceStart) + 'he wrote'.length;
  const quoteStart = text.indexOf('never have I been so ashamed', sentenceStart);
  await callHost(host, 'createAnnotation', { articleId: A002, tagId: 'claim', start: sentenceStart, end: sentenceEnd, note: 'The resignation letter, as quoted' });
  await callHost(host, 'createAnnotation', {
    articleId: A002,
    tagId: 'quote',
    start: quoteStart,
    end: quoteStart + 'never have I been so ashamed of my country'.length,
    note: 'Same words in every outlet',
    attributes: { speaker: 'Boris Bondarev', form: 'direct' },
  });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await page.getByRole('main').getByRole('row').filter({ hasText: '1 Quote' }).getByRole('button').first().click();
  const editor = page.getByRole('textbox', { name: 'Article text' });
  const quote = editor.locator('[data-tag="quote"]').first();
  await expect(quote).toBeVisible();
  await quote.scrollIntoViewIfNeeded();

  // Only the outer Claim is filled; the Quote keeps its own band in its own colour (no mixed tint).
  const fills = await quote.evaluate((el) => ({
    quote: getComputedStyle(el).backgroundColor,
    claim: getComputedStyle(el.closest('[data-tag="claim"]')!).backgroundColor,
  }));
  expect(fills.quote).toBe('rgba(0, 0, 0, 0)');
  expect(fills.claim).not.toBe('rgba(0, 0, 0, 0)');

  const qb = (await quote.boundingBox())!;
  const clip = { x: Math.max(0, qb.x - 200), y: Math.max(0, qb.y - 40), width: 720, height: 110 };
  await page.screenshot({ path: `${SHOTS}/overlap-bands.png`, clip });

  // Hovering the quote words shows both annotations, innermost first.
  await quote.hover();
  const card = page.getByRole('tooltip');
  await expect(card).toBeVisible();
  await expect(card).toContainText('Quote');
  await expect(card).toContainText('Claim');
  await expect(card).toContainText('Same words in every outlet');
  await expect(card).toContainText('Speaker: Boris Bondarev');
  await expect(card).toContainText(/coded by \S+/);
  expect((await card.textContent())!.indexOf('Quote')).toBeLessThan((await card.textContent())!.indexOf('Claim'));
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/overlap-bands-hover.png` });
  await page.mouse.move(5, 5);
  await expect(card).toHaveCount(0);

  // Search hits: a style of their own, not one of the codebook's colours.
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Words or a phrase' });
  await search.fill('ashamed');
  await page.getByRole('button', { name: /ashamed/i }).first().click();
  const hit = page.getByRole('textbox', { name: 'Article text' }).locator('.tri-hit').first();
  await expect(hit).toBeVisible();
  const colours = await hit.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
  const tagColours = ['rgb(242, 179, 61)', 'rgb(90, 169, 230)', 'rgb(123, 198, 126)'];
  expect(tagColours).not.toContain(colours[0]);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/search-hits.png` });
});

test('the library sorts by any column and filters by words, outlet, dates and annotations', async ({ page, host }) => {
  await callHost(host, 'updateArticle', { id: A000, outlet: 'The Independent', date: '2022-05-23', author: 'Chris Stevenson' });
  await callHost(host, 'updateArticle', { id: A002, outlet: 'Kyiv Post', date: '2022-05-24' });
  const text = await textOf(host, A002);
  await callHost(host, 'createAnnotation', { articleId: A002, tagId: 'quote', start: 0, end: Math.min(40, text.length) });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(host.url);
  const table = page.getByRole('table', { name: 'Articles in the library' });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(6);
  await expect(table).toContainText('Chris Stevenson');

  // Sort by outlet: known outlets first, alphabetically; again for the other way.
  const outletHead = table.getByRole('columnheader', { name: 'Outlet' });
  await outletHead.getByRole('button').click();
  await expect(outletHead).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows.nth(1)).toContainText('Kyiv Post');
  await expect(rows.nth(2)).toContainText('The Independent');
  await outletHead.getByRole('button').click();
  await expect(outletHead).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.nth(1)).toContainText('The Independent');
  await page.screenshot({ path: `${SHOTS}/library-sorted-1024.png` });

  const filters = page.getByRole('search', { name: 'Filter the library' });
  await filters.getByRole('combobox', { name: 'Outlet' }).selectOption('Kyiv Post');
  await expect(rows).toHaveCount(2);
  await expect(filters.getByRole('status')).toHaveText('1 of 5 articles');
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(6);
  await filters.getByLabel('From').fill('2022-05-23');
  await filters.getByLabel('To').fill('2022-05-23');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('The Independent');
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await filters.getByRole('combobox', { name: 'Annotations' }).selectOption('yes');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Kyiv Post');
  await filters.getByRole('combobox', { name: 'Annotations' }).selectOption('any');
  await filters.getByRole('searchbox', { name: 'Filter' }).fill('stevenson');
  await expect(rows).toHaveCount(2);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/library-filtered-1024.png` });
});

test('quote drift: a group’s wording in publication order, diffed against the earliest or a chosen one, exported; reached from coverage and the annotation panel', async ({ page, host }) => {
  const quotes: [string, string, string][] = [
    ['002_38b56a2e379d189f', 'For twenty years of my diplomatic career', 'as on February 24 of this year'],
    ['003_c187356a61dfc698', 'In my 20-year long career as a diplomat', 'before February 24 this year'],
    ['001_b0e24d4478126009', 'never been so ashamed of my country', 'never been so ashamed of my country'],
  ];
  const dates = ['2022-05-23', '2022-05-24', '2022-05-25'];
  const members = [];
  for (const [i, [articleId, from, to]] of quotes.entries()) {
    await callHost(host, 'updateArticle', { id: articleId, date: dates[i], outlet: ['Wire', 'Daily', 'Weekly'][i] });
    const text = await textOf(host, articleId);
    const start = text.indexOf(from);
    const end = text.indexOf(to, start) + to.length;
    const made = (await callHost(host, 'createAnnotation', { articleId, tagId: 'quote', start, end })) as { id: string };
    members.push({ articleId, annotationId: made.id });
  }
  await callHost(host, 'createGroup', { label: 'Ashamed of my country', members });

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Coverage' }).click();
  await page.getByRole('button', { name: 'Quote drift of “Ashamed of my country”' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quote drift: Ashamed of my country');
  const items = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
  await expect(items).toHaveCount(3);
  // Publication order, the earliest as reference.
  await expect(items.getByRole('heading', { level: 2 })).toHaveText(['Wire', 'Daily', 'Weekly']);
  await expect(items.nth(0)).toContainText('Reference');
  // The Daily's translation of the letter changes words; the Weekly's is a cut-down fragment.
  await expect(items.nth(1)).toContainText(/\d+ changed/);
  await expect(items.nth(1).locator('ins.drift__changed').first()).toBeVisible();
  await expect(items.nth(2)).toContainText('Fragment');
  await expect(items.nth(2).locator('del').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Not carried by' })).toContainText('One of Putin’s key allies');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/quote-drift-1440.png`, fullPage: true });

  // Another reference: the Weekly's fragment; the Wire now adds words to it.
  await page.getByRole('combobox', { name: 'Compare with' }).selectOption({ label: 'Weekly (2022-05-25)' });
  await expect(items.nth(2)).toContainText('Reference');
  await expect(items.nth(0)).toContainText(/\d+ added/);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Compare with' })).toHaveValue('001_b0e24d4478126009');

  // Exports.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^triangulate-drift-ashamed-of-my-country-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvText = await new Promise<string>((resolve, reject) => {
    void csv.createReadStream().then((stream) => {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => resolve(data));
      stream.on('error', reject);
    });
  });
  expect(csvText.split('\r\n')).toHaveLength(1 + 3 + 2);
  expect(csvText).toContain('{+');
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  expect(json.suggestedFilename()).toMatch(/\.json$/);

  // From the annotation panel of a member, in the reader.
  await items.nth(1).getByRole('button', { name: 'Daily' }).click();
  await expect(page.getByRole('region', { name: 'Annotation' })).toBeVisible();
  await page.getByRole('region', { name: 'Annotation' }).getByRole('link', { name: 'Quote drift of “Ashamed of my country”' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quote drift: Ashamed of my country');

  // The attribution ledger, from coverage: whom each outlet credits, sortable, flagged, exported.
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Coverage' }).click();
  await page.getByRole('button', { name: 'Attribution ledger' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Attribution ledger');
  const ledger = page.getByRole('table', { name: 'Attribution ledger' });
  await expect(ledger.getByRole('row')).toHaveCount(4);
  const outletHead = ledger.getByRole('columnheader', { name: 'Outlet' });
  await outletHead.getByRole('button').click();
  await expect(outletHead).toHaveAttribute('aria-sort', 'ascending');
  await expect(ledger.getByRole('row').nth(1)).toContainText('Daily');
  await outletHead.getByRole('button').click();
  await expect(ledger.getByRole('row').nth(1)).toContainText('Wire');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/attribution-ledger-1440.png` });
  const [ledgerCsv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export ledger CSV' }).click()]);
  expect(ledgerCsv.suggestedFilename()).toMatch(/^triangulate-attribution-\d{4}-\d{2}-\d{2}\.csv$/);
});

for (const [width, height] of [
  [1920, 1080],
  [1024, 700],
] as const) {
  test(`side by side at ${width}×${height}: the header is one line, the bar with Sync scrolling fits, the text gets the height`, async ({ page, host }) => {
    await page.setViewportSize({ width, height });
    await page.goto(host.url);
    const columns = await compareAt(page, [0, 1, 2, 3, 4]);
    await clickInText(page, columns.first().getByRole('textbox', { name: 'Article text' }), 'ashamed of my country');
    await expect(page.getByRole('region', { name: 'Panels' })).toBeVisible();
    expect((await page.locator('.app-header').boundingBox())!.height).toBeLessThanOrEqual(53);
    const bar = (await page.locator('.compare-bar').boundingBox())!;
    const sync = (await page.getByRole('button', { name: 'Sync scrolling' }).boundingBox())!;
    expect(sync.x + sync.width).toBeLessThanOrEqual(width);
    const heights = await columns.evaluateAll((els) =>
      els.map((el) => {
        const box = el.querySelector('[data-scroll-container]')!.getBoundingClientRect();
        return Math.min(box.bottom, window.innerHeight) - Math.max(box.top, 0);
      }),
    );
    console.log(`${width}×${height}: compare bar ${Math.round(bar.height)} px high, article text ${heights.map(Math.round).join(', ')} px`);
    if (width >= 1440) for (const h of heights) expect(h).toBeGreaterThanOrEqual(600);
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/side-by-side-${width}.png` });
  });
}

test('coverage matrix: cells show wording, credit and drift, "not carried" is marked; rows of groups or single quotes; filters by tag, speaker, outlet; sticky head and label column', async ({ page, host }) => {
  test.setTimeout(180_000);
  const quotes: [string, string, string][] = [
    ['002_38b56a2e379d189f', 'For twenty years of my diplomatic career', 'as on February 24 of this year'],
    ['003_c187356a61dfc698', 'In my 20-year long career as a diplomat', 'before February 24 this year'],
    ['001_b0e24d4478126009', 'never been so ashamed of my country', 'never been so ashamed of my country'],
  ];
  const members = [];
  for (const [i, [articleId, from, to]] of quotes.entries()) {
    await callHost(host, 'updateArticle', { id: articleId, date: `2022-05-2${3 + i}`, outlet: ['Wire', 'Daily', 'Weekly'][i] });
    const text = await textOf(host, articleId);
    const start = text.indexOf(from);
    const end = text.indexOf(to, start) + to.length;
    const attributes = i === 0 ? { speaker: 'Boris Bondarev' } : {};
    const made = (await callHost(host, 'createAnnotation', { articleId, tagId: 'quote', start, end, attributes })) as { id: string };
    members.push({ articleId, annotationId: made.id });
  }
  await callHost(host, 'createGroup', { label: 'Ashamed of my country', members });
  // A quote in no group: a row of its own when the rows are single annotations.
  const text0 = await textOf(host, A000);
  const lone = text0.indexOf('like any other Monday morning');
  await callHost(host, 'createAnnotation', { articleId: A000, tagId: 'quote', start: lone, end: lone + 'like any other Monday morning'.length });

  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(host.url);
    await openScreen(page, 'Coverage');
    const table = page.getByRole('table', { name: 'Coverage matrix' });
    const row = table.getByRole('row', { name: /Ashamed of my country/ });
    await expect(row).toContainText('3 of 5');
    expect((await page.locator('.app-header').boundingBox())!.height).toBeLessThanOrEqual(53);
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/coverage-${width}.png` });
  }

  const table = page.getByRole('table', { name: 'Coverage matrix' });
  const row = table.getByRole('row', { name: /Ashamed of my country/ });
  // Wording in the cell, the drift against the earliest (the Wire's), the credit; two articles do not carry it.
  const cells = row.getByRole('button', { name: /^Quote, paragraph \d+/ });
  await expect(cells).toHaveCount(3);
  const headers = await table.getByRole('columnheader').allTextContents();
  const column = (outlet: string) => row.getByRole('cell').nth(headers.findIndex((h) => h.startsWith(outlet)) - 1);
  await expect(column('Wire')).toContainText('For twenty years of my diplomatic career');
  await expect(column('Wire')).toContainText('Reference');
  await expect(column('Wire')).toContainText('Boris Bondarev');
  await expect(column('Daily')).toContainText(/\d+ changed/);
  await expect(column('Weekly')).toContainText('Fragment');
  await expect(row.getByText('not carried')).toHaveCount(2);
  // The full wording on keyboard focus.
  await column('Daily').getByRole('button').focus();
  await expect(page.getByRole('tooltip').filter({ visible: true })).toContainText('In my 20-year long career as a diplomat');
  await expect(page.getByRole('tooltip').filter({ visible: true })).toContainText('Against the reference:');
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Filters, from the keyboard: outlet first.
  const filters = page.getByRole('search', { name: 'Filter the coverage matrix' });
  await filters.getByRole('combobox', { name: 'Rows' }).focus();
  await page.keyboard.press('Tab');
  await expect(filters.getByRole('combobox', { name: 'Tag' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(filters.getByRole('combobox', { name: 'Speaker' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(filters.getByRole('combobox', { name: 'Outlet' })).toBeFocused();
  await filters.getByRole('combobox', { name: 'Outlet' }).selectOption('Daily');
  await expect(table.getByRole('columnheader')).toHaveCount(3);
  await expect(filters.getByRole('status')).toHaveText('1 of 1 rows, 1 of 5 articles');
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(table.getByRole('columnheader')).toHaveCount(7);
  await filters.getByRole('combobox', { name: 'Speaker' }).selectOption('Boris Bondarev');
  await expect(table.getByRole('row')).toHaveCount(2);
  await filters.getByRole('combobox', { name: 'Tag' }).selectOption({ label: 'Quote' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await filters.getByRole('button', { name: 'Clear filters' }).click();

  // One row per quote: the three grouped ones and the lone one, labelled by its first words.
  await filters.getByRole('combobox', { name: 'Rows' }).selectOption('annotations');
  await expect(table.getByRole('row')).toHaveCount(1 + 4);
  await expect(table.getByRole('columnheader').first()).toContainText('Annotation');
  const loneRow = table.getByRole('row', { name: /Like any other Monday morning/ });
  await expect(loneRow).toContainText('1 of 5');
  await expect(loneRow.getByText('not carried')).toHaveCount(4);
  // Each grouped quote's row marks its own cell among its group's.
  await expect(table.getByRole('row', { name: /In my 20-year long career/ }).getByText('This row', { exact: true })).toHaveCount(1);
  await expect(table.getByRole('row', { name: /In my 20-year long career/ }).getByRole('cell').filter({ hasText: /This row/ })).toContainText('In my 20-year long career');
  // Grouped quotes reach their group's drift; the lone one has none.
  await expect(table.getByRole('button', { name: /^Quote drift of/ })).toHaveCount(3);
  await expect(filters.getByRole('combobox', { name: 'Tag' }).locator('option')).toHaveText(['All tags', 'Quote']);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/coverage-annotations-1920.png` });

  // Sticky: the header row and the label column stay put while the table scrolls both ways.
  await page.setViewportSize({ width: 1024, height: 700 });
  const scroller = page.locator('.coverage__scroll');
  const label = table.getByRole('columnheader').first();
  const before = (await label.boundingBox())!;
  await scroller.evaluate((el) => el.scrollTo(400, 300));
  await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
  const after = (await label.boundingBox())!;
  const frame = (await scroller.boundingBox())!;
  // Scrolled 300 px down and 400 right, the head is at the top of the scrolling box (the caption has gone), the label column at its left.
  expect(Math.abs(after.x - before.x)).toBeLessThanOrEqual(1);
  expect(Math.abs(after.y - frame.y)).toBeLessThanOrEqual(2);
  const firstLabel = table.getByRole('rowheader').first();
  const box = (await firstLabel.boundingBox())!;
  expect(Math.abs(box.x - before.x)).toBeLessThanOrEqual(1);
  await page.screenshot({ path: `${SHOTS}/coverage-scrolled-1024.png` });
});

test('linking anywhere: "Add to group…" from the annotation table and from the reader’s annotation card, with a search over groups and a label without "…"', async ({ page, host }) => {
  test.setTimeout(120_000);
  const made = [];
  for (const [articleId, words] of [
    [A000, 'never have I been so ashamed of my country'],
    [A002, 'never have I been so ashamed of my country'],
    ['001_b0e24d4478126009', 'never been so ashamed of my country'],
  ] as const) {
    const text = await textOf(host, articleId);
    const start = text.indexOf(words);
    made.push((await callHost(host, 'createAnnotation', { articleId, tagId: 'quote', start, end: start + words.length })) as { id: string; articleId: string });
  }
  await callHost(host, 'createGroup', { label: 'Ashamed of my country', members: [{ articleId: A000, annotationId: made[0]!.id }] });
  await callHost(host, 'createGroup', { label: 'Bloody war', members: [{ articleId: A000, annotationId: made[0]!.id }] });
  const membersOf = async (label: string) =>
    ((await callHost(host, 'listGroups', {})) as { label: string; members: { annotationId: string }[] }[]).find((g) => g.label === label)?.members.map((m) => m.annotationId);

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await openScreen(page, 'Annotations');
  const table = page.getByRole('table');
  await expect(table.getByRole('button', { name: 'Add to group…' })).toHaveCount(3);
  // From the table: the row of A002's quote; search narrows the groups; picking one adds it.
  const add = table.getByRole('row').nth(2).getByRole('button', { name: 'Add to group…' });
  await add.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add to a group' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('searchbox', { name: 'Find a group' })).toBeFocused();
  await expect(dialog.getByRole('list', { name: 'Groups' }).getByRole('button')).toHaveCount(2);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/add-to-group-table-1440.png` });
  await page.keyboard.type('asham');
  await expect(dialog.getByRole('list', { name: 'Groups' }).getByRole('button')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: /Ashamed of my country/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(add).toBeFocused();
  await expect.poll(() => membersOf('Ashamed of my country')).toHaveLength(2);

  // Escape closes without a change.
  await add.click();
  await expect(page.getByRole('dialog', { name: 'Add to a group' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Add to a group' })).toContainText('Already in “Ashamed of my country”');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Add to a group' })).toHaveCount(0);
  await expect(add).toBeFocused();

  // From the reader: the card of 001's quote makes a new group, labelled by the quote's first words.
  const open001 = table.getByRole('button', { name: /Open in the reader: never been so ashamed/ });
  await open001.click();
  const panel = page.getByRole('region', { name: 'Annotation' });
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Add to group…' }).click();
  const fromReader = page.getByRole('dialog', { name: 'Add to a group' });
  const label = fromReader.getByRole('textbox', { name: 'New group label' });
  await expect(label).toHaveValue('Never been so ashamed of my country');
  expect(await label.inputValue()).not.toContain('…');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/add-to-group-reader-1440.png` });
  await label.fill('The diplomat’s shame');
  await fromReader.getByRole('button', { name: 'Create group' }).click();
  await expect(fromReader).toHaveCount(0);
  await expect(panel).toContainText('Group: The diplomat’s shame');
  expect(await membersOf('The diplomat’s shame')).toEqual([made[2]!.id]);
});
