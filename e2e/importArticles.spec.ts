/**
 * Importing articles in the library: a file dropped on the library (a drop
 * event carrying a DataTransfer built in the page) becomes an article that
 * is listed and opens; files chosen with "Import articles…" (or Ctrl+O)
 * import, and a file that cannot be gets its reason in the report; "Import
 * folder…" imports a folder's files.
 */
import { join } from 'node:path';
import { expect, test } from './support/hostTest';
import { seriousAxeViolations } from './support/axeCheck';
import { dropFiles } from './support/dropFiles';
import { ROOT } from './support/browserHost';

const STORY = `<!doctype html><html lang="en"><head><title>Harbour strike ends after nine days</title>
<script>window.__ran = true</script></head><body><nav>Menu</nav><article><h1>Harbour strike ends</h1>
<p>Dock workers returned on <b>Friday</b> after a deal on pay.</p><p>Ships had queued&nbsp;for days.</p></article></body></html>`;

test('a file dropped on the library is imported, listed and opens', async ({ page, host }) => {
  await page.goto(host.url);
  const main = page.getByRole('main');
  await expect(main.getByRole('button', { name: /^One of Putin’s key allies/ })).toBeVisible();

  await dropFiles(page, { 'harbour.html': STORY });
  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report.getByRole('status')).toHaveText('Imported 1 article.');
  await main.getByRole('button', { name: 'Harbour strike ends after nine days', exact: true }).click();
  const editor = page.getByRole('textbox', { name: 'Article text' });
  await expect(editor).toContainText('Dock workers returned on Friday after a deal on pay.');
  await expect(editor).not.toContainText('Menu');
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();

  // Dropped again: a duplicate, not a second copy.
  await page.getByRole('navigation').getByRole('button', { name: 'Library' }).click();
  await dropFiles(page, { 'harbour-copy.html': STORY });
  await expect(page.getByRole('region', { name: 'Import report' })).toContainText('harbour-copy.html: same text as “Harbour strike ends after nine days”');
  await expect(main.getByRole('button', { name: 'Harbour strike ends after nine days', exact: true })).toHaveCount(1);
});

test('Import articles… and Ctrl+O choose files; failures are reported with file and reason', async ({ page, host }) => {
  await page.goto(host.url);
  const main = page.getByRole('main');
  await expect(main.getByRole('button', { name: /^One of Putin’s key allies/ })).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles([
    { name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Council meets\n\nThe council met on *Monday*.') },
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: 'binary.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x00, 0x01]) },
    { name: 'batch.jsonl', mimeType: 'application/json', buffer: Buffer.from('{"title":"Wire one","outlet":"Agency","text":"First wire."}\n{"title":"Wire two","text":"Second wire."}\n') },
  ]);
  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report.getByRole('status')).toHaveText('Imported 3 articles. 2 files could not be imported.');
  await expect(report.getByRole('listitem')).toHaveText([
    'empty.txt: the file is empty',
    'binary.txt: it looks like a binary file, not text (it holds a NUL byte at byte 2)',
  ]);
  for (const title of ['Council meets', 'Wire one', 'Wire two']) await expect(main.getByRole('button', { name: title, exact: true })).toBeVisible();
  await expect(main.getByRole('row', { name: /Wire one/ })).toContainText('Agency');
  expect(await seriousAxeViolations(page)).toEqual([]);

  await report.getByRole('button', { name: 'Close report' }).click();
  await expect(report).toHaveCount(0);
  // The button opens the same chooser.
  const again = page.waitForEvent('filechooser');
  await main.getByRole('button', { name: 'Import articles…' }).click();
  expect((await again).isMultiple()).toBe(true);

  // Ctrl+O from another screen opens the library and its chooser.
  await page.getByRole('navigation').getByRole('button', { name: 'Codebook' }).click();
  await expect(main.getByRole('heading', { name: 'Codebook' })).toBeVisible();
  const fromCodebook = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await fromCodebook).setFiles([{ name: 'later.txt', mimeType: 'text/plain', buffer: Buffer.from('A later wire about the council.') }]);
  await expect(page.getByRole('region', { name: 'Import report' }).getByRole('status')).toHaveText('Imported 1 article.');
});

test('Import folder… imports the folder’s articles', async ({ page, host }) => {
  await page.goto(host.url);
  const main = page.getByRole('main');
  await expect(main.getByRole('button', { name: /^One of Putin’s key allies/ })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await main.getByRole('button', { name: 'Import folder…' }).click();
  await (await chooser).setFiles(join(ROOT, 'src/main/import/fixtures/good'));
  await expect(page.getByRole('region', { name: 'Import report' }).getByRole('status')).toHaveText('Imported 7 articles.');
  for (const title of ['Ministers met on Tuesday.', 'Floods close the valley road', 'Wahl in Bern: Ergebnis knapp', 'Wire story', 'Array two']) {
    await expect(main.getByRole('button', { name: title, exact: true })).toBeVisible();
  }
});

test('the Import command without a user gesture (the desktop menu) focuses the button; Enter opens the chooser', async ({ page, host }) => {
  await page.goto(host.url);
  const main = page.getByRole('main');
  await expect(main.getByRole('button', { name: /^One of Putin’s key allies/ })).toBeVisible();
  // Sent once no user activation is left (evaluate counts as a gesture; it lasts 5 s), as a menu click over IPC arrives.
  await page.evaluate(() => {
    setTimeout(() => window.dispatchEvent(new CustomEvent('triangulate:command', { detail: 'import' })), 6_000);
  });
  // Nothing may touch the page meanwhile: each evaluate would be a gesture again.
  await page.waitForTimeout(7_000);
  await expect(main.getByRole('button', { name: 'Import articles…' })).toBeFocused();
  await expect(main.getByRole('status').filter({ hasText: 'Press Enter to choose the articles to import.' })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name: 'menu.txt', mimeType: 'text/plain', buffer: Buffer.from('Chosen from the menu.') });
  await expect(page.getByRole('region', { name: 'Import report' }).getByRole('status')).toHaveText('Imported 1 article.');
});
