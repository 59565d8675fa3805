/**
 * Issue 16 in Chromium against the browser host: the first start asks who
 * is coding (and the name goes on what they annotate; a name another coder
 * already used is warned of), and the Agreement screen computes the figures
 * for two coders' annotations set up through the API, reached from the
 * keyboard, axe-clean, with its CSV export. The screen's picture for the
 * README is saved to docs/agreement-screen.png when TRI_README_SHOTS=1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, callHost, freshDataDir, removeDataDir, startBrowserHost, type BrowserHost } from './support/browserHost';
import { seriousAxeViolations } from './support/axeCheck';
import { selectTextWithMouse } from './support/selectText';

const A002 = '002_38b56a2e379d189f';
const A004 = '004_fe53cb2bbc3036b3';
const PASSAGE = 'I regret to admit that over all these twenty years the level of lies and unprofessionalism';
const RESIGNED = 'has resigned over the war in Ukraine';
const ASHAMED = 'never have I been so ashamed of my country';

let host: BrowserHost | null = null;
test.afterEach(async () => {
  if (host) {
    await host.stop();
    removeDataDir(host.dataDir);
    host = null;
  }
});

/** Creates an annotation over `needle` (its first occurrence, `from` characters later if given). */
async function annotate(h: BrowserHost, articleId: string, tagId: string, needle: string, trim = { start: 0, end: 0 }): Promise<void> {
  const { text } = (await callHost(h, 'getArticle', { id: articleId })) as { text: string };
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in ${articleId}`);
  await callHost(h, 'createAnnotation', { articleId, tagId, start: at + trim.start, end: at + needle.length - trim.end });
}

type Mark = [articleId: string, tagId: string, needle: string, trim?: { start: number; end: number }];

/** Makes `coder` the folder's coder and creates these annotations as theirs (the coder stays chosen afterwards). */
async function annotateAs(h: BrowserHost, coder: string, marks: readonly Mark[]): Promise<void> {
  await callHost(h, 'setCoder', { name: coder });
  for (const [articleId, tagId, needle, trim] of marks) await annotate(h, articleId, tagId, needle, trim);
}

/** The two coders' marks the tests share: the same quote (bo's a little shorter), a source only ana marked, a claim both marked alike. */
const ANA: readonly Mark[] = [
  [A002, 'quote', PASSAGE],
  [A002, 'source', 'Boris Bondarev'],
  [A002, 'claim', RESIGNED],
  [A004, 'quote', ASHAMED],
];
const BO: readonly Mark[] = [
  [A002, 'quote', PASSAGE, { start: 0, end: 18 }],
  [A002, 'claim', RESIGNED],
  [A004, 'quote', ASHAMED],
];
const inA002 = ([articleId]: Mark): boolean => articleId === A002;

test('the first start asks who is coding; the name goes on new annotations; a name in use is warned of', async ({ page }) => {
  host = await startBrowserHost(freshDataDir(), { coder: null });
  await page.goto(host.url);
  const dialog = page.getByRole('dialog', { name: 'Who is coding?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Your name' })).toBeFocused();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.keyboard.type('Anna Berg');
  await dialog.getByRole('textbox', { name: 'Initials (optional)' }).fill('AB');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  const coderButton = page.getByRole('button', { name: 'Coder: Anna Berg (change)' });
  await expect(coderButton).toHaveText('AB');

  // What Anna annotates is hers.
  await page.getByRole('main').getByRole('button', { name: /^‘’For twenty years of my diplomatic career/ }).click();
  const editor = page.getByRole('textbox', { name: 'Article text' });
  await selectTextWithMouse(page, editor, PASSAGE);
  await page.getByRole('toolbar', { name: 'Tag selection' }).getByRole('button', { name: 'Quote' }).click();
  const list = page.getByRole('complementary', { name: 'Annotations' });
  await expect(list.getByRole('listitem').filter({ hasText: 'by Anna Berg' })).toHaveCount(1);

  // The next start does not ask again.
  await page.reload();
  await expect(coderButton).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Someone else coded here as "Bo" (through the API); choosing "bo" is warned of, and can be changed.
  await callHost(host, 'setCoder', { name: 'Bo' });
  await annotate(host, A004, 'quote', ASHAMED);
  await callHost(host, 'setCoder', { name: 'Anna Berg' });
  await coderButton.click();
  const change = page.getByRole('dialog', { name: 'Change the coder' });
  await change.getByRole('textbox', { name: 'Your name' }).fill('bo');
  await change.getByRole('button', { name: 'Save' }).click();
  await expect(change.getByRole('alert')).toContainText('Annotations by "Bo" are already in this library');
  await change.getByRole('textbox', { name: 'Your name' }).fill('Anna B.');
  await change.getByRole('button', { name: 'Save' }).click();
  await expect(change).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Coder: Anna B. (change)' })).toBeVisible();
  expect(((await callHost(host, 'getCoder', {})) as { name: string }).name).toBe('Anna B.');
});

test('the Agreement screen: two coders’ figures per tag and article, from the keyboard, exported as CSV; the reader’s coder layers', async ({ page }) => {
  host = await startBrowserHost(freshDataDir());
  // Two coders on two articles: the same quote (bo's a little shorter), a source only ana marked.
  await annotateAs(host, 'ana', ANA);
  await annotateAs(host, 'bo', BO);
  await callHost(host, 'setCoder', { name: 'e2e' });

  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(host.url);
  const nav = page.getByRole('navigation', { name: 'Screens' });
  await nav.getByRole('button', { name: /^More/ }).click();
  await page.getByRole('menu', { name: 'More screens' }).getByRole('menuitem', { name: 'Agreement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agreement' })).toBeVisible();

  const coders = page.getByRole('group', { name: 'Coders' });
  await expect(coders.getByRole('checkbox', { name: /^ana/ })).toBeChecked();
  await expect(coders.getByRole('checkbox', { name: /^bo/ })).toBeChecked();
  const articles = page.getByRole('group', { name: /^Articles/ });
  await expect(articles).toContainText('2 chosen');
  await expect(articles.getByRole('radio', { name: /^Coded by every chosen coder \(2\)/ })).toBeChecked();
  // A search (by title or id) narrows the list; what matches can be unticked at once, and the change undone.
  await articles.getByRole('searchbox', { name: 'Find articles by title' }).fill(A004.slice(0, 8));
  await expect(articles.getByRole('checkbox')).toHaveCount(1);
  await articles.getByRole('button', { name: 'Untick all 1' }).click();
  await expect(articles).toContainText('1 chosen');
  await expect(articles).toContainText('By hand: 1 unticked');
  await articles.getByRole('button', { name: 'Undo these' }).click();
  await expect(articles).toContainText('2 chosen');
  await articles.getByRole('searchbox', { name: 'Find articles by title' }).fill('');
  await expect(articles.getByRole('checkbox')).toHaveCount(2);

  // Keyboard: Tab from the first coder's box reaches "Compute agreement"; Enter computes.
  await coders.getByRole('checkbox', { name: /^ana/ }).focus();
  const compute = page.getByRole('button', { name: 'Compute agreement' });
  for (let i = 0; i < 20 && !(await compute.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(compute).toBeFocused();
  await page.keyboard.press('Enter');

  const byTag = page.getByRole('table', { name: 'By tag' });
  await expect(byTag).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'ana, bo on 2 articles' })).toBeVisible();
  const rowOf = (name: RegExp) => byTag.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  // Source: only ana marked one: far from agreement. Quote: close, not identical.
  await expect(rowOf(/^Source/)).toContainText('unreliable');
  const quoteAlphaU = Number((await rowOf(/^Quote/).getByRole('cell').first().innerText()).replace('−', '-'));
  expect(quoteAlphaU).toBeGreaterThan(0.5);
  expect(quoteAlphaU).toBeLessThan(1);
  await expect(page.getByRole('table', { name: 'By article' }).getByRole('row')).toHaveCount(3);
  expect(await seriousAxeViolations(page)).toEqual([]);

  // The README's picture, written only when asked for (as e2e/readmeScreenshots.spec.ts does), so a test run leaves the checkout clean.
  if (process.env.TRI_README_SHOTS) await page.screenshot({ path: join(ROOT, 'docs', 'agreement-screen.png'), fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^triangulate-agreement-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv).toContain('scope,tag,attribute,article_id,alpha_u');
  expect(csv).toContain('ana | bo');

  // The CLI's figures are the screen's: the same call.
  const report = (await callHost(host, 'computeAgreement', { units: 'tokens' })) as { tags: Record<string, { alphaU: number }> };
  expect(report.tags['Quote']!.alphaU.toFixed(3).replace(/^0/, '')).toBe((await rowOf(/^Quote/).getByRole('cell').first().innerText()));

  // The reader's layers: every coder's highlights with their initials; one coder's; only the disagreements.
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Library' }).click();
  await page.getByRole('main').getByRole('button', { name: /^‘’For twenty years of my diplomatic career/ }).click();
  const editor = page.getByRole('textbox', { name: 'Article text' });
  await expect(editor.locator('[data-coder="ana"]').first()).toBeVisible();
  await expect(editor.locator('[data-coder="bo"]').first()).toHaveAttribute('data-coder-initials', 'BO');
  const items = page.getByRole('complementary', { name: 'Annotations' }).getByRole('listitem');
  await expect(items).toHaveCount(5);
  const layer = page.getByRole('combobox', { name: 'Show annotations by' });
  await layer.selectOption({ label: 'bo' });
  await expect(items).toHaveCount(2);
  await expect(editor.locator('[data-coder="ana"]')).toHaveCount(0);
  await layer.selectOption({ label: 'Only disagreements' });
  // The claim both marked alike is left out: ana's quote and source, bo's shorter quote.
  await expect(items).toHaveCount(3);
  await expect(editor.locator('[data-tag="claim"]')).toHaveCount(0);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(ROOT, 'test-results', 'coder-layers.png') });
});

test('adjudication: agreements taken at once, disagreements settled from the keyboard into the consensus layer, n of m', async ({ page }) => {
  test.setTimeout(180_000); // Many steps; the test machine is shared.
  host = await startBrowserHost(freshDataDir());
  await annotateAs(host, 'ana', ANA.filter(inA002));
  await annotateAs(host, 'bo', BO.filter(inA002));
  await callHost(host, 'setCoder', { name: 'e2e' });

  const url = new URL(host.url);
  await page.goto(`${url.origin}/#${url.hash.slice(1)}&view=agreement`);
  await page.getByRole('button', { name: 'Compute agreement' }).click();
  await page.getByRole('button', { name: /^Adjudicate ‘’For twenty years/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Adjudicate' })).toBeVisible();
  await expect(page.getByText('0 of 3 settled', { exact: true })).toBeVisible();
  // The claim both marked alike is one agreement; the source only ana marked and the two quotes are disagreements.
  await page.getByRole('button', { name: 'Take all agreements (1)' }).click();
  await expect(page.getByText('1 of 3 settled', { exact: true })).toBeVisible();
  const items = page.getByRole('list').filter({ has: page.getByRole('heading', { level: 3 }) }).getByRole('listitem');
  await expect(items.nth(0)).toContainText('Only ana marked this');
  await expect(items.nth(1)).toContainText('Different spans');
  // Where each version sits reads as the article's paragraph, not as character offsets.
  await expect(items.nth(0).getByRole('cell', { name: /Boris Bondarev/ })).toHaveText('“Boris Bondarev” (paragraph 2)');
  // The focus waits on the first open disagreement: Enter takes ana's source.
  await expect(items.nth(0).getByRole('button', { name: 'Take ana’s' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('2 of 3 settled', { exact: true })).toBeVisible();
  await expect(items.nth(1).getByRole('button', { name: 'Take ana’s' })).toBeFocused();
  // Edit before taking (e): ana's quote without its last words (' and unprofessionalism'), then Enter takes it.
  await page.keyboard.press('e');
  const form = items.nth(1).getByRole('form', { name: 'Edit ana’s version' });
  const start = form.getByRole('spinbutton', { name: 'Start' });
  await expect(start).toBeFocused();
  const end = form.getByRole('spinbutton', { name: 'End' });
  await end.fill(String(Number(await end.inputValue()) - 22));
  await expect(form.locator('mark')).toHaveText(PASSAGE.slice(0, -22));
  await form.getByRole('textbox', { name: 'Note' }).fill('cut before the pair');
  expect(await seriousAxeViolations(page)).toEqual([]);
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1024, height: 700 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(ROOT, 'test-results', `adjudication-edit-${size.width}.png`) });
  }
  await expect(end).toBeVisible();
  await form.getByRole('textbox', { name: 'Note' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('3 of 3 settled', { exact: true })).toBeVisible();
  await expect(form).toHaveCount(0);
  const consensusQuote = async () =>
    ((await callHost(host!, 'listAnnotations', { articleId: A002 })) as { creator: string; tagId: string; exact: string; note: string }[]).filter(
      (a) => a.creator === 'consensus' && a.tagId === 'quote',
    );
  expect((await consensusQuote()).map((a) => [a.exact, a.note])).toEqual([[PASSAGE.slice(0, -22), 'cut before the pair']]);

  // Undo the take on its row (u): open again; Ctrl+Z undoes that undo through the app's history.
  await items.nth(1).getByRole('button', { name: 'Undo the take' }).focus();
  await page.keyboard.press('u');
  await expect(page.getByText('2 of 3 settled', { exact: true })).toBeVisible();
  expect(await consensusQuote()).toEqual([]);
  await page.keyboard.press('Control+z');
  await expect(page.getByText('3 of 3 settled', { exact: true })).toBeVisible();
  expect((await consensusQuote()).map((a) => a.exact)).toEqual([PASSAGE.slice(0, -22)]);
  // A rejection says who made it, and Ctrl+Z takes it back.
  await items.nth(0).getByRole('button', { name: 'Undo the take' }).click();
  await expect(page.getByText('2 of 3 settled', { exact: true })).toBeVisible();
  await items.nth(0).getByRole('button', { name: 'Take ana’s' }).focus();
  await page.keyboard.press('r');
  await expect(items.nth(0).getByRole('heading', { level: 3 })).toContainText('rejected by e2e');
  await expect(page.getByText('3 of 3 settled', { exact: true })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByText('2 of 3 settled', { exact: true })).toBeVisible();
  await expect(items.nth(0).getByRole('heading', { level: 3 })).toContainText('open');
  await items.nth(0).getByRole('button', { name: 'Take ana’s' }).focus();
  await page.keyboard.press('1');
  await expect(page.getByText('3 of 3 settled', { exact: true })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);

  const consensus = ((await callHost(host, 'listAnnotations', { articleId: A002 })) as { creator: string; tagId: string; exact: string }[]).filter(
    (a) => a.creator === 'consensus',
  );
  expect(consensus.map((a) => a.tagId).sort()).toEqual(['claim', 'quote', 'source']);
});

test('coder layers in side by side and the annotation table: mine, one coder’s, only disagreements; initials in the coder’s colour', async ({ page }) => {
  test.setTimeout(180_000); // Many steps; the test machine is shared.
  host = await startBrowserHost(freshDataDir());
  // Here the source is bo's, in 004, not ana's in 002.
  await annotateAs(host, 'ana', ANA.filter(([, tagId]) => tagId !== 'source'));
  await annotateAs(host, 'bo', [...BO, [A004, 'source', 'Boris Bondarev']]);

  const url = new URL(host.url);
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1024, height: 700 },
  ]) {
    await page.setViewportSize(size);
    await page.goto(`${url.origin}/#${url.hash.slice(1)}&view=compare&articles=${A002},${A004}`);
    await page.reload(); // A fresh start at each size (the hash alone would keep the screen's choice).
    const texts = page.getByRole('textbox', { name: 'Article text' });
    await expect(texts).toHaveCount(2);
    // Highlights may be drawn in pieces (overlaps): count annotations, not elements.
    const shown = (coder: string) =>
      page.locator(`[data-coder="${coder}"]`).evaluateAll((els) => new Set(els.map((e) => e.getAttribute('data-annotation-id'))).size);
    await expect.poll(() => shown('ana')).toBe(3);
    await expect(page.locator('[data-coder="bo"]').first()).toHaveAttribute('data-coder-initials', 'BO');
    const layer = page.getByRole('combobox', { name: 'Show annotations by' });
    // bo is the coder of this data folder now: "Me (bo)".
    await layer.selectOption({ label: 'Me (bo)' });
    await expect(page.locator('[data-coder="ana"]')).toHaveCount(0);
    await expect.poll(() => shown('bo')).toBe(4);
    await layer.selectOption({ label: 'ana' });
    await expect(page.locator('[data-coder="bo"]')).toHaveCount(0);
    await layer.selectOption({ label: 'Only disagreements' });
    // The claim and the quote in 004 both coders marked alike are left out: the two quotes of 002 and bo's source.
    const ids = (column: number) => texts.nth(column).locator('[data-annotation-id]').evaluateAll((els) => new Set(els.map((e) => e.getAttribute('data-annotation-id'))).size);
    await expect.poll(() => ids(0)).toBe(2);
    await expect(texts.nth(0).locator('[data-tag="claim"]')).toHaveCount(0);
    await expect.poll(() => ids(1)).toBe(1);
    await expect(texts.nth(1).locator('[data-tag="source"]').first()).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ROOT, 'test-results', `compare-coder-layers-${size.width}.png`) });
  }

  // The table: a Coder column with initials, and the same choice as its Coder filter.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${url.origin}/#${url.hash.slice(1)}&view=annotations`);
  const table = page.getByRole('table');
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(8);
  await expect(table.getByRole('columnheader', { name: 'Coder' })).toBeVisible();
  const coder = page.getByRole('combobox', { name: 'Coder' });
  await coder.selectOption({ label: 'Only disagreements' });
  await expect(rows).toHaveCount(4);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('3');
  await coder.selectOption({ label: 'Me (bo)' });
  await expect(rows).toHaveCount(5);
  await expect(table.getByRole('cell', { name: 'ana' })).toHaveCount(0);
  await coder.selectOption({ label: 'Only disagreements' });
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(ROOT, 'test-results', 'table-coder-layers-1440.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: join(ROOT, 'test-results', 'table-coder-layers-1024.png') });
});
