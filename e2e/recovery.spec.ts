/**
 * Issue 6's recovery in the app, against the browser host: a data folder
 * whose index.json is garbage still opens, in recovery, naming the file and
 * offering "Restore from backup"; restoring brings the library back as the
 * latest backup held it and keeps the garbage in quarantine/. The same for an
 * annotation file damaged while the host runs.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { seriousAxeViolations } from './support/axeCheck';
import { callHost, freshDataDir, removeDataDir, startBrowserHost, type BrowserHost } from './support/browserHost';

const A004 = '004_fe53cb2bbc3036b3';

const backupCount = (dataDir: string): number =>
  existsSync(join(dataDir, 'backups')) ? readdirSync(join(dataDir, 'backups')).filter((n) => !n.startsWith('.')).length : 0;

/** A library with one annotation ("Monday" in 004, noted "kept") that the newest backup holds. */
async function annotatedAndBackedUp(dataDir: string): Promise<void> {
  let host = await startBrowserHost(dataDir);
  // The start-up backup runs in the background: let it finish first, or it may already hold the annotation.
  await expect.poll(() => backupCount(dataDir)).toBe(1);
  await callHost(host, 'createAnnotation', { articleId: A004, tagId: 'quote', start: 3, end: 9, note: 'kept' });
  await host.stop();
  // A backup is made at start when the files changed since the last one.
  host = await startBrowserHost(dataDir);
  await expect.poll(() => backupCount(dataDir)).toBe(2);
  await host.stop();
}

const quarantined = (dataDir: string): string[] =>
  readdirSync(join(dataDir, 'quarantine'), { recursive: true })
    .map(String)
    .filter((f) => f.includes('.json.'));

test('a garbage index.json: the app names it, restores it from the backup and the library is back', async ({ page }) => {
  const dataDir = freshDataDir();
  let host: BrowserHost | null = null;
  try {
    await annotatedAndBackedUp(dataDir);
    writeFileSync(join(dataDir, 'index.json'), 'garbage, not JSON');

    host = await startBrowserHost(dataDir);
    await page.goto(host.url);
    const recovery = page.getByRole('alert', { name: 'Data folder recovery' });
    await expect(recovery).toContainText('index.json is not valid JSON');
    await expect(recovery).toContainText('to index.json will be lost');
    await expect(recovery).toContainText('quarantine folder');
    await expect(page.getByRole('main').getByRole('checkbox', { name: /^Compare / })).toHaveCount(0);
    // Said once: the library's, codebook's and groups' failed loads are not repeated in a second banner.
    await expect(page.getByRole('alert')).toHaveCount(1);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await recovery.getByRole('button', { name: 'Restore from backup' }).click();
    await expect(page.getByRole('main').getByRole('checkbox', { name: /^Compare / })).toHaveCount(5);
    await expect(recovery).toContainText('index.json was restored from the backup');
    await expect(recovery.getByRole('button', { name: 'Restore from backup' })).toHaveCount(0);
    const annotations = (await callHost(host, 'listAnnotations', { articleId: A004 })) as { note: string }[];
    expect(annotations.map((a) => a.note)).toEqual(['kept']);

    const [aside] = quarantined(dataDir);
    expect(aside).toMatch(/^index\.json\./);
    expect(readFileSync(join(dataDir, 'quarantine', aside!), 'utf8')).toBe('garbage, not JSON');
  } finally {
    await host?.stop();
    removeDataDir(dataDir);
  }
});

test('an annotation file damaged while the host runs: the reader offers the restore and shows the annotation again', async ({ page }) => {
  const dataDir = freshDataDir();
  let host: BrowserHost | null = null;
  try {
    await annotatedAndBackedUp(dataDir);
    host = await startBrowserHost(dataDir);
    const file = join(dataDir, 'annotations', `${A004}.json`);
    writeFileSync(file, '{"schemaVersion": 1, "articleId": "');

    await page.goto(`${host.url}&view=reader&article=${A004}`);
    const recovery = page.getByRole('alert', { name: 'Data folder recovery' });
    await expect(recovery).toContainText(`annotations/${A004}.json is not valid JSON`);
    await recovery.getByRole('button', { name: 'Restore from backup' }).click();

    const editor = page.getByRole('textbox', { name: 'Article text' });
    await expect(editor.locator('[data-tag="quote"]')).toHaveText('Monday');
    await expect(recovery).toContainText(`annotations/${A004}.json was restored from the backup`);
    const [aside] = quarantined(dataDir);
    expect(aside).toMatch(new RegExp(`^annotations/${A004}\\.json\\.`));
  } finally {
    await host?.stop();
    removeDataDir(dataDir);
  }
});
