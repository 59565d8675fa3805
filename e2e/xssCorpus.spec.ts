/**
 * Hostile text never runs. A corpus made here, whose titles and texts are
 * script-injection payloads, is loaded by the browser host; a note full of
 * payloads is typed into an annotation; outlets and a tag name are set to
 * payloads in the stored index. Each payload tries to set
 * `window.__xss` or open an alert. Nothing may run: no dialog, no
 * `window.__xss`, no element made from the payloads; they show as the
 * literal text they are, and the CLI's W3C export carries them as plain
 * JSON strings, byte for byte. A second test imports an HTML file full of
 * live payload markup (and the payloads escaped as its text) through the
 * library's "Import articles…": the markup is dropped, the text is shown
 * inert, nothing runs, and the project export keeps them as strings.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { AnnotationCollectionSchema, isTaggingAnnotation } from '../src/shared/formats/w3c/w3cExport';
import { ROOT, freshDataDir, removeDataDir, startBrowserHost } from './support/browserHost';
import { selectTextWithMouse } from './support/selectText';

const PAYLOADS = [
  `<script>window.__xss=true;alert('script')</script>`,
  `<img src=x onerror="window.__xss=true;alert('img')">`,
  `<a href="javascript:window.__xss=true;alert('link')">read more</a> javascript:alert('bare url')`,
  `<svg onload="window.__xss=true;alert('svg')"><animate onbegin="alert('animate')" attributeName=x dur=1s></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=true;alert('mathml')">`,
  `<math href="javascript:alert('math href')">tap</math>`,
  `<style>@import 'javascript:alert(1)';body{background:url("javascript:alert('css')")} *{width:expression(alert('expr'))}</style>`,
  `"><iframe srcdoc="<script>parent.__xss=true;parent.alert('iframe')</script>">`,
  `<details open ontoggle="window.__xss=true;alert('details')">x</details><input autofocus onfocus="window.__xss=true">`,
  `{{constructor.constructor('window.__xss=true;alert(1)')()}} \${alert('template')} '-alert('quote')-'`,
];

/** Each article's title (its first line) is one payload; its text holds all of them. */
const TITLES = [PAYLOADS[0]!, PAYLOADS[1]!, PAYLOADS[7]!];
const NOTE = `${PAYLOADS[1]} ${PAYLOADS[7]}\n${PAYLOADS[8]}`;
const PASSAGE = PAYLOADS[3]!;
/** Written into the library's index while the host is stopped: an outlet and a tag name (≤ 100 characters). */
const OUTLET = PAYLOADS[4]!;
const TAG_NAME = `<img src=x onerror="window.__xss=true;alert('tag')">`;

/** Puts payloads where the index keeps an article's outlet and a tag's name. */
function poisonIndex(dataDir: string): void {
  const file = join(dataDir, 'index.json');
  const index = JSON.parse(readFileSync(file, 'utf8')) as {
    articles: { outlet: string | null }[];
    codebook: { id: string; name: string }[];
  };
  for (const article of index.articles) article.outlet = OUTLET;
  index.codebook.find((tag) => tag.id === 'source')!.name = TAG_NAME;
  writeFileSync(file, JSON.stringify(index));
}

function makeCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'triangulate-xss-corpus-'));
  TITLES.forEach((title, i) => {
    const body = PAYLOADS.map((p, j) => `Paragraph ${j + 1} quotes ${p} as it was sent.`).join('\n');
    writeFileSync(join(dir, `xss_${i + 1}.txt`), `${title}\n${body}\n`);
  });
  return dir;
}

/** The text of the Claim highlight (other marks may split it into several spans). */
async function highlighted(editor: Locator): Promise<string> {
  return (await editor.locator('[data-annotation-id][data-tag="claim"]').allTextContents()).join('');
}

/** What any payload would leave behind in the page had it been parsed as HTML. */
async function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const selectors = [
      'script:not([src])',
      'img[src="x"]',
      'iframe',
      'svg[onload]',
      'animate',
      'math',
      'mglyph',
      'details[ontoggle]',
      'input[onfocus]',
      'a[href^="javascript:"]',
      '[onerror]',
      '[onload]',
      'body style',
    ];
    for (const selector of selectors) {
      for (const el of Array.from(document.querySelectorAll(selector))) found.push(`${selector}: ${el.outerHTML.slice(0, 80)}`);
    }
    return found;
  });
}

/**
 * Starts listening for any sign that code ran (a dialog, a page error); the
 * returned check gives anything that might fire (image errors, animations,
 * autofocus, toggles) time to, then asserts nothing did and no element was
 * made from the payloads.
 */
function watchForRunningCode(page: Page): () => Promise<void> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return async () => {
    await page.waitForTimeout(1000);
    expect(await injectedElements(page)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  };
}

test('payloads in titles, texts, notes, outlets and tag names stay text: nothing runs, the export keeps them as strings', async ({ page }) => {
  test.setTimeout(90_000);
  const corpusDir = makeCorpus();
  const dataDir = freshDataDir();
  const expectNothingRan = watchForRunningCode(page);

  let host = await startBrowserHost(dataDir, { env: { TRIANGULATE_CORPUS: corpusDir } });
  try {
    await page.goto(host.url);
    const library = page.getByRole('main');
    // Every title is listed as the literal text it is.
    for (const title of TITLES) await expect(library.getByRole('button', { name: title, exact: true })).toBeVisible();

    await library.getByRole('button', { name: TITLES[1], exact: true }).click();
    const editor = page.getByRole('textbox', { name: 'Article text' });
    for (const payload of PAYLOADS) await expect(editor).toContainText(payload);

    // Tag a payload and write payloads into the annotation's note.
    await selectTextWithMouse(page, editor, PASSAGE);
    await page.getByRole('toolbar', { name: 'Tag selection' }).getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => highlighted(editor)).toBe(PASSAGE);
    await page.getByRole('complementary', { name: 'Annotations' }).getByRole('listitem').first().getByRole('button').click();
    const note = page.getByLabel('Note', { exact: true });
    await note.fill(NOTE);
    await note.blur();
    await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

    // Read back from the core after a reload and a restart: the note is rendered again from stored data.
    await page.reload();
    // Let the reloaded page finish loading its code before the host goes (a stop mid-load fails its import).
    await expect(page.getByRole('textbox', { name: 'Article text' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await host.stop();
    poisonIndex(dataDir);
    host = await startBrowserHost(dataDir, { env: { TRIANGULATE_CORPUS: corpusDir } });
    await page.goto(host.url);
    // Outlets are listed as the literal text they are.
    await expect(page.getByRole('main').getByRole('table').getByText(OUTLET, { exact: true }).first()).toBeVisible();
    await page.waitForTimeout(500);
    expect(await injectedElements(page)).toEqual([]);
    await page.getByRole('main').getByRole('button', { name: TITLES[1], exact: true }).click();
    await expect.poll(() => highlighted(page.getByRole('textbox', { name: 'Article text' }))).toBe(PASSAGE);
    await page.getByRole('complementary', { name: 'Annotations' }).getByRole('listitem').first().getByRole('button').click();
    await expect(page.getByLabel('Note', { exact: true })).toHaveValue(NOTE);
    // The tag's name is offered as literal text in the panel's Tag choice and in the selection toolbar.
    await expect(page.getByLabel('Tag', { exact: true }).locator('option', { hasText: TAG_NAME })).toHaveCount(1);
    await selectTextWithMouse(page, page.getByRole('textbox', { name: 'Article text' }), 'as it was sent');
    await expect(page.getByRole('toolbar', { name: 'Tag selection' }).getByRole('button', { name: TAG_NAME })).toBeVisible();

    await expectNothingRan();
  } finally {
    await host.stop();
  }

  try {
    const out = join(dataDir, 'export.json');
    execFileSync(process.execPath, [join(ROOT, 'out/main/cli.js'), 'export', '--data', dataDir, '--out', out], {
      cwd: ROOT,
      env: { ...process.env, TRIANGULATE_CORPUS: corpusDir },
    });
    const raw = readFileSync(out, 'utf8');
    const collection = AnnotationCollectionSchema.parse(JSON.parse(raw));
    const [item, ...others] = collection.first.items.filter(isTaggingAnnotation);
    expect(others).toEqual([]);
    const bodies = item!.body as { purpose: string; value: string }[];
    expect(item!.target.selector[0].exact).toBe(PASSAGE);
    expect(bodies.find((b) => b.purpose === 'commenting')?.value).toBe(NOTE);
    // Inert: plain JSON strings, with only JSON's own escapes (quotes, line breaks).
    expect(raw).toContain(JSON.stringify(PASSAGE));
    expect(raw).toContain(JSON.stringify(NOTE));
  } finally {
    removeDataDir(dataDir);
    rmSync(corpusDir, { recursive: true, force: true });
  }
});

/** Text as HTML source: `<` and `&` escaped, so the page's text is the payload itself. */
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const HTML_TITLE = `<img src=x onerror="window.__xss=true;alert('title')">`;
const HTML_OUTLET = `<svg onload="window.__xss=true;alert('outlet')">`;

/**
 * An HTML article whose head and body carry every payload as live markup
 * (scripts, handlers, javascript: URLs, meta refresh, frames, objects, CSS,
 * SVG, MathML) and, escaped, as the text of its paragraphs; title and outlet
 * are payloads too.
 */
function hostileHtml(): string {
  const escaped = PAYLOADS.map((p, i) => `<p>Escaped ${i + 1}: ${escapeHtml(p)}</p>`).join('\n');
  // Live markup last: an unclosed <style> or <iframe> in a payload swallows the rest of the page.
  const live = PAYLOADS.map((p) => `<div>${p}</div>`).join('\n');
  return `<!doctype html><html lang="en"><head>
<meta http-equiv="refresh" content="0;url=javascript:window.__xss=true">
<meta property="og:title" content="${escapeHtml(HTML_TITLE)}">
<meta property="og:site_name" content="${escapeHtml(HTML_OUTLET)}">
<base href="javascript:alert('base')//">
<link rel="stylesheet" href="javascript:alert('css link')">
<style>body { background: url("javascript:alert('head css')") }</style>
<script>window.__xss = true; alert('head script')</script>
</head>
<body onload="window.__xss=true;alert('body')">
<article>
<p>An imported page that tries everything.</p>
${escaped}
<p><a href="javascript:window.__xss=true">link text</a> <img src=x onerror="window.__xss=true"> <button onclick="window.__xss=true">button label</button></p>
<iframe src="javascript:window.__xss=true"></iframe><object data="javascript:window.__xss=true">object text</object>
<embed src="javascript:window.__xss=true"><form action="javascript:window.__xss=true"><input autofocus onfocus="window.__xss=true"></form>
<math><maction actiontype="statusline" xlink:href="javascript:window.__xss=true">math text</maction></math>
<svg><a xlink:href="javascript:window.__xss=true"><text x="20" y="20">svg text</text></a><script>window.__xss=true</script></svg>
${live}
</article>
</body></html>`;
}

test('payloads in an imported HTML file stay text: nothing runs, markup is dropped, the export keeps strings', async ({ page }) => {
  test.setTimeout(90_000);
  const dataDir = freshDataDir();
  const expectNothingRan = watchForRunningCode(page);

  const host = await startBrowserHost(dataDir);
  try {
    await page.goto(host.url);
    const library = page.getByRole('main');
    await expect(library.getByRole('button', { name: /^One of Putin’s key allies/ })).toBeVisible();

    const chooser = page.waitForEvent('filechooser');
    await library.getByRole('button', { name: 'Import articles…' }).click();
    await (await chooser).setFiles({ name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(hostileHtml()) });
    await expect(page.getByRole('region', { name: 'Import report' }).getByRole('status')).toHaveText('Imported 1 article.');

    // Title and outlet are listed as the literal text they are.
    await expect(library.getByRole('button', { name: HTML_TITLE, exact: true })).toBeVisible();
    await expect(library.getByRole('table').getByText(HTML_OUTLET, { exact: true })).toBeVisible();
    await library.getByRole('button', { name: HTML_TITLE, exact: true }).click();
    const editor = page.getByRole('textbox', { name: 'Article text' });
    // The escaped payloads are the page's text: shown as it is, inert.
    for (const payload of PAYLOADS) await expect(editor).toContainText(payload);
    // The live markup is gone: no script source, style or element made it into the text.
    for (const gone of ['head script', 'head css', 'css link', 'object text', 'math text', 'svg text', 'button label']) {
      await expect(editor).not.toContainText(gone);
    }

    await expectNothingRan();
  } finally {
    await host.stop();
  }

  try {
    const out = join(dataDir, 'project.json');
    execFileSync(process.execPath, [join(ROOT, 'out/main/cli.js'), 'export', '--data', dataDir, '--out', out, '--format', 'project'], { cwd: ROOT });
    const raw = readFileSync(out, 'utf8');
    const project = JSON.parse(raw) as { articles: { title: string; outlet: string | null; text: string }[] };
    const article = project.articles.find((a) => a.title === HTML_TITLE)!;
    expect(article.outlet).toBe(HTML_OUTLET);
    for (const payload of PAYLOADS) expect(article.text).toContain(payload);
    // Inert: plain JSON strings, with only JSON's own escapes.
    expect(raw).toContain(JSON.stringify(HTML_TITLE));
    expect(raw).toContain(JSON.stringify(article.text));
  } finally {
    removeDataDir(dataDir);
  }
});
