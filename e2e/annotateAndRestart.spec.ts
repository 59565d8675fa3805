/**
 * Issue 2's whole path in Chromium against the browser host on a fresh data
 * folder: open an article, select a passage with the mouse, tag it Quote,
 * reload, restart the host, find the highlight on the same text, and check
 * that the CLI export carries it with the exact quote and correct positions.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { canonicalArticleText } from '../src/shared/model/canonicalText';
import { AnnotationCollectionSchema, isTaggingAnnotation } from '../src/shared/formats/w3c/w3cExport';
import { seriousAxeViolations } from './support/axeCheck';
import { ROOT, freshDataDir, removeDataDir, startBrowserHost } from './support/browserHost';
import { selectTextWithMouse } from './support/selectText';

const ARTICLE_ID = '002_38b56a2e379d189f';
const PASSAGE = 'I regret to admit that over all these twenty years the level of lies and unprofessionalism';

test('select, tag as Quote, reload, restart, export', async ({ page }) => {
  const dataDir = freshDataDir();
  let host = await startBrowserHost(dataDir);
  try {
    await page.goto(host.url);
    const library = page.getByRole('main');
    await expect(library.getByRole('checkbox', { name: /^Compare / })).toHaveCount(5);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The date prefix is gone from the title of 002; its text opens with ‘’For twenty years…
    await library.getByRole('button', { name: /^‘’For twenty years of my diplomatic career/ }).click();
    const editor = page.getByRole('textbox', { name: 'Article text' });
    await expect(editor).toContainText('Reached by phone by the Associated Press');
    await expect(editor).not.toContainText('date 2022-05-23');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await selectTextWithMouse(page, editor, PASSAGE);
    const toolbar = page.getByRole('toolbar', { name: 'Tag selection' });
    await expect(toolbar).toBeVisible();
    await toolbar.getByRole('button', { name: 'Quote' }).click();

    const highlight = editor.locator('[data-annotation-id][data-tag="quote"]');
    await expect(highlight).toHaveText(PASSAGE);
    const list = page.getByRole('complementary', { name: 'Annotations' });
    await expect(list).toContainText(PASSAGE.slice(0, 30));


    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Article text' }).locator('[data-tag="quote"]')).toHaveText(PASSAGE);

    await host.stop();
    host = await startBrowserHost(dataDir);
    await page.goto(host.url);
    await page.getByRole('main').getByRole('button', { name: /^‘’For twenty years of my diplomatic career/ }).click();
    await expect(page.getByRole('textbox', { name: 'Article text' }).locator('[data-tag="quote"]')).toHaveText(PASSAGE);
    await host.stop();

    const out = join(dataDir, 'export.json');
    execFileSync(process.execPath, [join(ROOT, 'out/main/cli.js'), 'export', '--data', dataDir, '--out', out], { cwd: ROOT });
    const collection = AnnotationCollectionSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(collection.first.items).toHaveLength(1);
    const [item] = collection.first.items.filter(isTaggingAnnotation);
    const [quote, position] = item!.target.selector;
    expect(item!.body.find((b) => b.purpose === 'tagging')?.value).toBe('Quote');
    expect(item!.target.source.id).toContain(ARTICLE_ID);
    expect(quote.exact).toBe(PASSAGE);
    const { text } = canonicalArticleText(readFileSync(join(ROOT, 'corpus', `${ARTICLE_ID}.txt`), 'utf8'));
    expect(text.slice(position.start, position.end)).toBe(PASSAGE);
    expect(text.slice(position.start - quote.prefix.length, position.start)).toBe(quote.prefix);
  } finally {
    await host.stop();
    removeDataDir(dataDir);
  }
});

test('selecting only white space creates no annotation', async ({ page }) => {
  const dataDir = freshDataDir();
  const host = await startBrowserHost(dataDir);
  try {
    await page.goto(host.url);
    await page.getByRole('main').getByRole('button', { name: /^On Monday, a Russian diplomat/ }).click();
    const editor = page.getByRole('textbox', { name: 'Article text' });
    await expect(editor).toContainText('February 24 is a reference');
    // Select exactly the line break between the first two paragraphs: white space only.
    await editor.evaluate((root) => {
      (root as HTMLElement).focus();
      const [first, second] = Array.from(root.querySelectorAll('p'));
      const range = document.createRange();
      range.setStart(first!.firstChild!, first!.firstChild!.textContent!.length);
      range.setEnd(second!.firstChild!, 0);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    });
    await expect(page.getByRole('toolbar', { name: 'Tag selection' })).toBeHidden();
    await page.keyboard.press('2');
    await page.keyboard.press('1');
    await expect(editor.locator('[data-annotation-id]')).toHaveCount(0);
    await expect(page.getByRole('complementary', { name: 'Annotations' }).getByRole('button')).toHaveCount(0);
  } finally {
    await host.stop();
    removeDataDir(dataDir);
  }
});

test('a highlight is drawn before the save finishes, and goes again with a message when the save fails', async ({ page }) => {
  const dataDir = freshDataDir();
  const host = await startBrowserHost(dataDir);
  try {
    // The first save is held back, the second refused, as a full disk would.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let saves = 0;
    await page.route('**/api/createAnnotation', async (route) => {
      saves++;
      if (saves === 1) {
        await held;
        return route.continue();
      }
      return route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'No space left on the disk.' } }) });
    });
    await page.goto(host.url);
    await page.getByRole('main').getByRole('button', { name: /^‘’For twenty years of my diplomatic career/ }).click();
    const editor = page.getByRole('textbox', { name: 'Article text' });
    const list = page.getByRole('complementary', { name: 'Annotations' });

    // While saving, the passage shows highlighted (boxes over the text, in the Quote colour).
    const saving = page.locator('.tri-saving');
    await selectTextWithMouse(page, editor, PASSAGE);
    await page.keyboard.press('2');
    await expect(saving.first()).toBeVisible();
    const box = await saving.first().boundingBox();
    const words = await editor.getByText('I regret to admit').boundingBox();
    expect(Math.abs(box!.y - words!.y)).toBeLessThan(words!.height);
    const quote = editor.locator('[data-annotation-id][data-tag="quote"]');
    await expect(quote).toHaveCount(0);
    await expect(list).not.toContainText(PASSAGE.slice(0, 30));
    release();
    await expect(list).toContainText(PASSAGE.slice(0, 30));
    await expect(quote).toHaveText(PASSAGE);
    await expect(saving).toHaveCount(0);

    await selectTextWithMouse(page, editor, 'the level of lies');
    await page.keyboard.press('1');
    await expect(page.getByRole('alert')).toContainText('Could not create the annotation');
    await expect(page.getByRole('alert')).toContainText('No space left on the disk.');
    await expect(saving).toHaveCount(0);
    await expect(editor.locator('[data-tag="claim"]')).toHaveCount(0);
    await expect(quote).toHaveText(PASSAGE);
  } finally {
    await host.stop();
    removeDataDir(dataDir);
  }
});
