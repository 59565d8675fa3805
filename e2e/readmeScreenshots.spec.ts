/**
 * The README's screenshots (issue 18), at 1440×900 on the default corpus:
 * side by side (docs/side-by-side.png), quote drift (docs/quote-drift.png)
 * and coverage (docs/coverage.png). Written only when asked:
 *   TRI_README_SHOTS=1 npx playwright test e2e/readmeScreenshots.spec.ts
 */
import { expect, test } from './support/hostTest';
import { callHost, type BrowserHost } from './support/browserHost';
import { clickInText } from './support/clickText';

test.skip(!process.env.TRI_README_SHOTS, 'writes the README screenshots only with TRI_README_SHOTS=1');

/** The range of `from` … `to` (inclusive) in an article's text. */
async function range(host: BrowserHost, articleId: string, from: string, to: string) {
  const text = ((await callHost(host, 'getArticle', { id: articleId })) as { text: string }).text;
  const start = text.indexOf(from);
  const end = text.indexOf(to, start) + to.length;
  if (start < 0 || end < start + to.length) throw new Error(`"${from}" … "${to}" is not in ${articleId}`);
  return { articleId, start, end };
}

test('README screenshots at 1440×900', async ({ page, host }) => {
  test.setTimeout(120_000);
  // The diplomat's letter as four articles quote it, a group; a Claim around the quote in one of them.
  const members = [];
  for (const [articleId, from, to] of [
    ['000_9c2375f696f0b1fa', 'never have I been so ashamed', 'of my country'],
    ['002_38b56a2e379d189f', 'For twenty years of my diplomatic career', 'as on February 24 of this year'],
    ['003_c187356a61dfc698', 'In my 20-year long career as a diplomat', 'before February 24 this year'],
    ['001_b0e24d4478126009', 'never been so ashamed of my country', 'never been so ashamed of my country'],
  ] as const) {
    const made = (await callHost(host, 'createAnnotation', { ...(await range(host, articleId, from, to)), tagId: 'quote', attributes: { speaker: 'Boris Bondarev', form: 'direct' } })) as {
      id: string;
    };
    members.push({ articleId, annotationId: made.id });
  }
  await callHost(host, 'createGroup', { label: 'Never have I been so ashamed of my country', members });
  await callHost(host, 'createAnnotation', {
    ...(await range(host, '002_38b56a2e379d189f', 'In a letter circulated', 'civil service')),
    tagId: 'claim',
    note: 'Where the letter was published',
  });

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(host.url);
  const boxes = page.getByRole('main').getByRole('checkbox', { name: /^Compare / });
  for (const i of [0, 2, 3]) await boxes.nth(i).check();
  await page.getByRole('button', { name: 'Compare selected' }).click();
  await expect(page.getByText(/^\d+ shared passages?$/)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Sync scrolling' }).click();
  const columns = page.getByRole('region').filter({ has: page.getByRole('textbox', { name: 'Article text' }) });
  await clickInText(page, columns.nth(2).getByRole('textbox', { name: 'Article text' }), 'felt so ashamed');
  await expect(page.getByRole('region', { name: 'Shared passage' })).toBeVisible();
  await page.waitForTimeout(500);
  await page.mouse.move(720, 880);
  await page.screenshot({ path: 'docs/side-by-side.png' });

  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Coverage' }).click();
  await expect(page.getByRole('button', { name: /^Quote drift of/ })).toBeVisible();
  await page.screenshot({ path: 'docs/coverage.png' });
  await page.getByRole('button', { name: /^Quote drift of/ }).click();
  await expect(page.getByText('Fragment').first()).toBeVisible();
  await page.screenshot({ path: 'docs/quote-drift.png' });
});
