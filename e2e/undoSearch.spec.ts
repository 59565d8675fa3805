/**
 * Issue 4's undo, search and keyboard paths in Chromium against the browser
 * host: annotate by key, undo (gone, also after a reload: undo really
 * deletes), redo (back with the same id); delete an annotation with a note
 * and undo (the note is back); search the corpus for a phrase, open a hit
 * (the hits are highlighted in the reader); `?` opens the shortcuts sheet.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/hostTest';
import { seriousAxeViolations } from './support/axeCheck';

import { selectTextWithMouse } from './support/selectText';

const TITLE = /^‘’For twenty years of my diplomatic career/;
const PASSAGE = 'I regret to admit that over all these twenty years the level of lies and unprofessionalism';

async function openArticle(page: Page) {
  await page.getByRole('main').getByRole('button', { name: TITLE }).click();
  const editor = page.getByRole('textbox', { name: 'Article text' });
  await expect(editor).toContainText('Reached by phone by the Associated Press');
  return editor;
}

test('annotate, undo, reload, redo; delete with a note and undo', async ({ page, host }) => {
  await page.goto(host.url);
  const editor = await openArticle(page);
  await selectTextWithMouse(page, editor, PASSAGE);
  await page.keyboard.press('2');
  const highlight = editor.locator('[data-annotation-id][data-tag="quote"]');
  await expect(highlight).toHaveText(PASSAGE);
  const id = await highlight.getAttribute('data-annotation-id');

  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undid: create Quote' })).toBeVisible();
  await expect(highlight).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Reached by phone');
  await expect(page.locator('[data-annotation-id]')).toHaveCount(0);

  // The undo history lives for the session: after a reload there is nothing to redo. Make it again, undo, redo.
  const editor2 = page.getByRole('textbox', { name: 'Article text' });
  await selectTextWithMouse(page, editor2, PASSAGE);
  await page.keyboard.press('2');
  const made = editor2.locator('[data-annotation-id][data-tag="quote"]');
  await expect(made).toHaveText(PASSAGE);
  const madeId = await made.getAttribute('data-annotation-id');
  expect(madeId).not.toBe(id);
  await page.keyboard.press('Control+z');
  await expect(made).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByRole('status').filter({ hasText: 'Redid: create Quote' })).toBeVisible();
  await expect(editor2.locator(`[data-annotation-id="${madeId}"]`)).toHaveText(PASSAGE);

  // A note, then delete, then undo: the same annotation with its note is back.
  await editor2.locator(`[data-annotation-id="${madeId}"]`).first().click();
  const note = page.getByRole('textbox', { name: 'Note' });
  await note.fill('checked against the AP wire');
  await expect(page.getByText('Saved', { exact: false }).first()).toBeVisible();
  await page.getByRole('button', { name: /^Delete/ }).click();
  await expect(editor2.locator('[data-annotation-id]')).toHaveCount(0);
  await page.getByRole('main').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undid: delete Quote' })).toBeVisible();
  await expect(editor2.locator(`[data-annotation-id="${madeId}"]`)).toHaveText(PASSAGE);
  await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue('checked against the AP wire');
  // Ctrl+Y redoes the deletion; undo once more, and after a reload the note is still there.
  await page.getByRole('main').focus();
  await page.keyboard.press('Control+y');
  await expect(page.getByRole('status').filter({ hasText: 'Redid: delete Quote' })).toBeVisible();
  await expect(editor2.locator('[data-annotation-id]')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(editor2.locator(`[data-annotation-id="${madeId}"]`)).toHaveText(PASSAGE);
  await page.reload();
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toContainText('checked against the AP wire');
  await page.getByRole('main').focus();
  await page.keyboard.press('Control+y');
  await expect(page.getByRole('status').filter({ hasText: 'Nothing to redo' })).toBeVisible();
});

test('search the corpus, open a hit: the hits are highlighted in the reader; ? shows the shortcuts', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('main').getByRole('button', { name: TITLE })).toBeVisible();
  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: 'Words or a phrase' });
  await expect(box).toBeFocused();
  await box.fill('associated press');
  await expect(page.getByRole('status').filter({ hasText: /hits? in \d+ articles?/ })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  const hit = page.getByRole('button', { name: /Reached by phone by the Associated Press/i }).first();
  await hit.click();

  const editor = page.getByRole('textbox', { name: 'Article text' });
  const marks = editor.locator('.tri-hit');
  await expect(marks.first()).toBeVisible();
  expect(((await marks.allTextContents()).every((t) => t.toLowerCase() === 'associated press'))).toBe(true);
  await expect(editor.locator('.tri-hit--current')).toHaveText(/associated press/i);
  await expect(page.getByRole('group', { name: 'Search hits' })).toContainText(/Hit \d+ of \d+/);

  await page.getByRole('main').focus();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Undo the last annotation change');
  await expect(sheet).toContainText('Alt+Shift+→');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});

test('the annotation table filters, sorts and opens a row in the reader; j moves between annotations; Alt+Shift+→ extends a selection by a word', async ({ page, host }) => {
  await page.goto(host.url);
  const editor = await openArticle(page);
  await page.getByRole('button', { name: 'Accept all suggestions' }).click();
  // It asks first, like Reject all, with the focus on the confirming button.
  await expect(page.getByRole('button', { name: /^Yes, accept all \d+$/ })).toBeFocused();
  await page.getByRole('button', { name: /^Yes, accept all \d+$/ }).click();
  await expect(editor.locator('[data-annotation-id]').first()).toBeVisible();
  const listHeading = page.getByRole('complementary', { name: 'Annotations' }).getByRole('heading');
  await expect(listHeading).toHaveText(/Annotations\s*\d+/);
  const count = Number((await listHeading.textContent())!.replace(/\D+/g, ''));
  expect(count).toBeGreaterThan(3);

  // j opens the first annotation in text order, j again the next.
  await editor.focus();
  await page.keyboard.press('j');
  const panel = page.getByRole('region', { name: 'Annotation' });
  await expect(panel).toContainText('For twenty years of my diplomatic career');
  await page.keyboard.press('j');
  await expect(panel).not.toContainText('For twenty years of my diplomatic career');
  await page.keyboard.press('Escape');

  await page.getByRole('navigation').getByRole('button', { name: 'Annotations' }).click();
  const table = page.getByRole('table');
  await expect(page.getByRole('heading', { name: /^Annotations/ })).toContainText(String(count));
  await page.getByRole('combobox', { name: /^Tag/ }).selectOption('source');
  await expect(table.getByRole('row')).not.toHaveCount(count + 1);
  await expect(table.locator('tbody .tag-chip').filter({ hasText: 'Quote' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Quote in context' }).click();
  await expect(page.getByRole('columnheader', { name: /Quote in context/ })).toHaveAttribute('aria-sort', 'ascending');
  const quotes = await table.locator('tbody strong').allTextContents();
  expect(quotes).toEqual([...quotes].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true })));
  expect(await seriousAxeViolations(page)).toEqual([]);

  const first = quotes[0]!;
  await table.getByRole('button', { name: `Open in the reader: ${first}` }).first().click();
  await expect(page.getByRole('region', { name: 'Annotation' })).toContainText(first);

  // Keyboard selection: put the caret before "Ambassador", extend by two words, tag as Claim with 1.
  const text = page.getByRole('textbox', { name: 'Article text' });
  await page.keyboard.press('Escape');
  await text.evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf('Ambassador Gennady');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.collapse(true);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return;
    }
  });
  await text.focus();
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await page.keyboard.press('1');
  await expect(text.locator('[data-tag="claim"]')).toHaveText('Ambassador Gennady');
});
