/**
 * Issue 3 in Chromium against the browser host on fresh data folders:
 * follow the diplomat's quote across all five seed articles (shared passage
 * → group → coverage matrix → reader), decide on suggestions from the
 * keyboard, and link annotations across columns and credit a quote.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/hostTest';
import { seriousAxeViolations } from './support/axeCheck';
import { clickInText } from './support/clickText';

const PHRASE = 'ashamed of my country';
const FIRST = /^One of Putin’s key allies/;
const SECOND = /^A top Russian diplomat/;

test.beforeEach(async ({ page, host }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(host.url);
});

async function compare(page: Page, titles: RegExp[] | 'all'): Promise<void> {
  const main = page.getByRole('main');
  const boxes = main.getByRole('checkbox', { name: /^Compare / });
  await expect(boxes).toHaveCount(5);
  if (titles === 'all') for (const box of await boxes.all()) await box.check();
  else for (const title of titles) await main.getByRole('checkbox', { name: new RegExp(`^Compare ${title.source.slice(1)}`) }).check();
  await page.getByRole('button', { name: 'Compare selected' }).click();
}

/**
 * The ids (values of `attribute`: alignment groups, annotations) whose marked
 * text in this column contains `phrase`; one mark may be drawn as several
 * elements where marks overlap.
 */
async function idsWith(column: Locator, attribute: string, phrase: string): Promise<string[]> {
  return column.locator(`[${attribute}]`).evaluateAll(
    (els, [attr, wanted]) => {
      const text = new Map<string, string>();
      for (const el of els) {
        const id = el.getAttribute(attr)!;
        text.set(id, `${text.get(id) ?? ''}${el.textContent ?? ''}`);
      }
      return [...text].filter(([, t]) => t.includes(wanted)).map(([id]) => id);
    },
    [attribute, phrase] as const,
  );
}

/** Whether the element's top lies within its scrolling column. */
async function inColumnView(element: Locator): Promise<boolean> {
  return element.evaluate((el) => {
    const scroller = el.closest('[data-scroll-container]')!.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return box.top >= scroller.top && box.top < scroller.bottom;
  });
}

test('the diplomat’s quote: aligned across five articles, accepted as a group, found in the coverage matrix', async ({ page }) => {
  await compare(page, 'all');
  const columns = page.getByRole('region').filter({ has: page.getByRole('textbox', { name: 'Article text' }) });
  await expect(columns).toHaveCount(5);
  await expect(page.getByText(/^\d+ shared passages?$/)).toBeVisible({ timeout: 30_000 });

  // Every column marks a passage with the phrase, all in one alignment group.
  const perColumn: string[][] = [];
  for (const column of await columns.all()) perColumn.push(await idsWith(column, 'data-align-group', PHRASE));
  const common = perColumn.reduce((acc, ids) => acc.filter((id) => ids.includes(id)));
  expect(perColumn.every((ids) => ids.length > 0)).toBe(true);
  expect(common).toHaveLength(1);
  const groupId = common[0]!;
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Select it by clicking in the first column's passage.
  const first = columns.first();
  await clickInText(page, first.getByRole('textbox', { name: 'Article text' }), 'never have I been so ashamed');
  const shared = page.getByRole('region', { name: 'Shared passage' });
  await expect(shared).toContainText('Carried by 5 of 5 articles');
  for (const column of await columns.all()) {
    await expect(column.locator(`[data-align-group="${groupId}"].tri-al--selected`).first()).toBeAttached();
  }

  // Every column scrolls its counterpart into view.
  for (const column of await columns.all()) await column.locator('[data-scroll-container]').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await shared.getByRole('button', { name: 'Scroll all columns to it' }).click();
  for (const column of await columns.all()) {
    await expect.poll(() => inColumnView(column.locator(`[data-align-group="${groupId}"]`).first())).toBe(true);
  }

  await shared.getByRole('button', { name: 'Accept as group' }).click();
  const form = shared.getByRole('form', { name: 'New group from this shared passage' });
  await expect(form.getByRole('combobox', { name: 'Tag' })).toHaveValue('quote');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await form.getByRole('textbox', { name: 'Group label' }).fill('Ashamed of my country');
  await form.getByRole('button', { name: 'Create group' }).click();
  await expect(shared.getByRole('status')).toContainText('Group “Ashamed of my country”');
  // Each column now holds a Quote annotation over its passage.
  for (const column of await columns.all()) {
    await expect.poll(async () => (await idsWith(column, 'data-annotation-id', PHRASE)).length).toBeGreaterThan(0);
    await expect(column.locator('[data-annotation-id][data-tag="quote"]').first()).toBeAttached();
  }

  await page.getByRole('navigation').getByRole('button', { name: 'Coverage' }).click();
  const table = page.getByRole('table', { name: 'Coverage matrix' });
  const row = table.getByRole('row', { name: /Ashamed of my country/ });
  await expect(row.getByRole('rowheader')).toHaveText('Ashamed of my country');
  await expect(row).toContainText('5 of 5');
  await expect(row.getByText('not carried')).toHaveCount(0);
  const headers = table.getByRole('columnheader');
  await expect(headers).toHaveCount(7);
  // Each of the five article columns has a present cell in this row.
  for (let col = 2; col < 7; col++) {
    await expect(row.getByRole('cell').nth(col - 1).getByRole('button', { name: /^Quote, paragraph \d+/ }).first()).toBeVisible();
  }
  expect(await seriousAxeViolations(page)).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export coverage CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^triangulate-coverage-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\r\n')).toHaveLength(1 + 5);
  expect(csv).toContain('Ashamed of my country');

  // Sorting by an article puts the header's aria-sort on it.
  const lastArticle = headers.nth(6);
  await lastArticle.getByRole('button').click();
  await expect(lastArticle).toHaveAttribute('aria-sort', 'descending');
  await expect(headers.first()).toHaveAttribute('aria-sort', 'none');

  // Open the fourth article's cell: the reader shows that annotation with its panel.
  const cell = row.getByRole('cell').nth(4).getByRole('button').first();
  await cell.focus();
  await expect(page.getByRole('tooltip').filter({ visible: true })).toContainText(PHRASE);
  await cell.press('Enter');
  const reader = page.getByRole('textbox', { name: 'Article text' });
  await expect(page.getByRole('heading', { level: 1, name: /^Boris Bondarev wrote about growing/ })).toBeVisible();
  const panel = page.getByRole('region', { name: 'Annotation', exact: true });
  await expect(panel).toContainText('Group: Ashamed of my country');
  await expect(panel).toContainText(PHRASE);
  const active = reader.locator('.tri-hl--active[data-tag="quote"]').first();
  await expect(active).toBeInViewport();
});

test('suggestions: accept one and reject another from the keyboard; both stay decided after a reload', async ({ page }) => {
  await page.getByRole('main').getByRole('button', { name: FIRST }).click();
  const editor = page.getByRole('textbox', { name: 'Article text' });
  await expect(editor.locator('[data-suggestion-id]').first()).toBeAttached();
  await expect(page.getByRole('button', { name: 'Show suggestions' })).toHaveAttribute('aria-pressed', 'true');
  expect(await seriousAxeViolations(page)).toEqual([]);

  await editor.focus();
  await page.keyboard.press('n');
  const panel = page.getByRole('region', { name: 'Suggestion', exact: true });
  await expect(panel).toBeVisible();
  const accepted = (await editor.locator('.tri-sg--active').first().getAttribute('data-suggestion-id'))!;
  const acceptedText = (await panel.locator('blockquote').textContent())!;
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.keyboard.press('a');
  // The next suggestion is selected at once; the focus stays in the text.
  await expect(editor.locator('.tri-sg--active').first()).not.toHaveAttribute('data-suggestion-id', accepted);
  await expect(editor).toBeFocused();
  const rejected = (await editor.locator('.tri-sg--active').first().getAttribute('data-suggestion-id'))!;
  await page.keyboard.press('r');
  await expect(editor.locator(`[data-suggestion-id="${rejected}"]`)).toHaveCount(0);
  await expect(editor.locator(`[data-suggestion-id="${accepted}"]`)).toHaveCount(0);
  await expect(editor.locator('[data-annotation-id]')).toHaveText(acceptedText);

  await page.reload();
  const again = page.getByRole('textbox', { name: 'Article text' });
  await expect(again.locator('[data-suggestion-id]').first()).toBeAttached();
  await expect(again.locator('[data-annotation-id]')).toHaveText(acceptedText);
  await expect(again.locator(`[data-suggestion-id="${accepted}"]`)).toHaveCount(0);
  await expect(again.locator(`[data-suggestion-id="${rejected}"]`)).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toContainText(acceptedText);

  // Hiding suggestions takes them out of the text.
  await page.getByRole('button', { name: 'Show suggestions' }).click();
  await expect(again.locator('[data-suggestion-id]')).toHaveCount(0);
});

test('link annotations picked in two columns, and credit a quote to its source', async ({ page }) => {
  await compare(page, [FIRST, SECOND]);
  const first = page.getByRole('region', { name: FIRST });
  const second = page.getByRole('region', { name: SECOND });

  // The open panels are in the view's one drawer, which belongs to the column last used.
  const drawer = page.getByRole('region', { name: 'Panels' });
  const suggestionPanel = drawer.getByRole('region', { name: 'Suggestion', exact: true });

  // Accept the quote suggestion in each column with the mouse (once the suggestions are drawn: a click before
  // them lands on plain text, which opens no suggestion).
  for (const column of [first, second]) await expect(column.getByRole('textbox', { name: 'Article text' }).locator('[data-suggestion-id]').first()).toBeAttached();
  await clickInText(page, first.getByRole('textbox', { name: 'Article text' }), 'never have I been so ashamed');
  await suggestionPanel.getByRole('button', { name: 'Accept suggestion' }).click();
  await clickInText(page, second.getByRole('textbox', { name: 'Article text' }), 'never been so ashamed');
  await suggestionPanel.getByRole('button', { name: 'Accept suggestion' }).click();
  // And the attribution in the second column, as a Source.
  await clickInText(page, second.getByRole('textbox', { name: 'Article text' }), 'Boris Bondarev said', 2);
  await expect(suggestionPanel).toContainText('Source');
  await suggestionPanel.getByRole('button', { name: 'Accept suggestion' }).click();

  for (const [column, title, text] of [
    [first, FIRST, 'never have I been so ashamed of my country'],
    [second, SECOND, 'never been so ashamed of my country'],
  ] as const) {
    // Focusing a column's text gives the drawer to that column.
    await column.getByRole('textbox', { name: 'Article text' }).focus();
    const list = drawer.getByRole('complementary', { name: new RegExp(`^Annotations: ${title.source.slice(1)}`) });
    await list.getByRole('button', { name: new RegExp(text) }).click();
    await drawer.getByRole('region', { name: 'Annotation', exact: true }).getByRole('checkbox', { name: 'Select for linking' }).check();
  }
  const linking = page.getByRole('group', { name: 'Linking' });
  await expect(linking).toContainText('2 selected');
  await linking.getByRole('button', { name: 'Link' }).click();
  const form = page.getByRole('form', { name: 'New group from the selected annotations' });
  await form.getByRole('textbox', { name: 'Group label' }).fill('Never so ashamed');
  await form.getByRole('button', { name: 'Create group' }).click();
  await expect(form).toBeHidden();
  await expect(linking).toContainText('0 selected');
  const panel = drawer.getByRole('region', { name: 'Annotation', exact: true });
  await expect(drawer).toContainText('Column: A top Russian diplomat');
  await expect(panel).toContainText('Group: Never so ashamed');
  const grouped = await first.locator('[data-group-ids]').evaluateAll((els) => new Set(els.map((el) => el.getAttribute('data-annotation-id'))).size);
  expect(grouped).toBe(1);

  // Accepting the attribution credited the quote to it; take the credit away and give it back.
  const credited = panel.getByRole('combobox', { name: 'Credited by' });
  await expect(credited.locator('option:checked')).toHaveText('Boris Bondarev said');
  await credited.selectOption({ label: 'None' });
  await expect(credited).toHaveValue('');
  await credited.selectOption({ label: 'Boris Bondarev said' });
  await expect(credited.locator('option:checked')).toHaveText('Boris Bondarev said');
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.getByRole('navigation').getByRole('button', { name: 'Coverage' }).click();
  const row = page.getByRole('table', { name: 'Coverage matrix' }).getByRole('row', { name: /Never so ashamed/ });
  await expect(row).toContainText('2 of 5');
  await expect(row.getByText('not carried')).toHaveCount(3);
  await row.getByRole('button', { name: /paragraph/ }).nth(1).focus();
  // The Source is named by the people index's canonical name, not by its text ('Boris Bondarev said').
  await expect(page.getByRole('tooltip').filter({ visible: true })).toContainText('Credited to Boris Bondarev');
});
