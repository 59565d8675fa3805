/**
 * Team sync from the app (issue 16) in Chromium against the browser host:
 * the More menu's "Team sync…" dialog refuses a bad remote with the core's
 * message (nothing changes), links the folder to an empty bare remote and
 * syncs; a second coder receives the library with the CLI and edits the same
 * annotation; after the first coder's later edit and Sync, the header offers
 * the conflict, the review shows both versions with who changed them, and
 * "Restore the set-aside version" puts the other coder's note in place.
 * Unlinking from the header's settings button hides the header's sync.
 * Pictures of the dialog and the review: TRI_SYNC_SHOTS=DIR saves them there.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { seriousAxeViolations } from './support/axeCheck';
import { ROOT, callHost, freshDataDir, removeDataDir, startBrowserHost, type BrowserHost } from './support/browserHost';

const shots = process.env.TRI_SYNC_SHOTS;

function cli(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'out/main/cli.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}

test('link a remote from the app, review a conflict and restore the set-aside version, unlink', async ({ page }) => {
  test.setTimeout(120_000);
  const ana = freshDataDir();
  const ben = join(mkdtempSync(join(tmpdir(), 'triangulate-e2e-ben-')), 'data');
  const place = mkdtempSync(join(tmpdir(), 'triangulate-e2e-remote-'));
  const remote = join(place, 'team.git');
  mkdirSync(remote);
  mkdirSync(join(place, 'notes'));
  writeFileSync(join(place, 'notes', 'todo.txt'), 'not a repository');
  let host: BrowserHost | null = await startBrowserHost(ana, { coder: 'Ana' });
  try {
    const [first] = (await callHost(host, 'listArticles', {})) as { id: string }[];
    const articleId = first!.id;
    const { id } = (await callHost(host, 'createAnnotation', { articleId, tagId: 'quote', start: 0, end: 12 })) as { id: string };

    await page.goto(host.url);
    await expect(page.getByRole('group', { name: 'Team sync' })).toHaveCount(0);
    await page.getByRole('button', { name: /^More/ }).click();
    await page.getByRole('menuitem', { name: 'Team sync…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Team sync' });
    await expect(dialog).toContainText('not linked to a team remote');
    const field = dialog.getByLabel('Team remote');
    await expect(field).toBeFocused();

    // Bad remotes: one clear message each, nothing changes.
    for (const [typed, message] of [
      [join(place, 'missing.git'), /cannot be reached: it does not exist/],
      [join(place, 'notes'), /is not a bare git repository/],
      ['team.git', /not a full path/],
    ] as const) {
      await field.fill(typed);
      await dialog.getByRole('button', { name: 'Link and sync' }).click();
      await expect(dialog.getByRole('alert')).toHaveText(message);
      await expect(dialog.getByRole('alert')).toContainText('Nothing in your data folder was changed.');
    }
    expect(readdirSync(ana)).not.toContain('.git');
    expect(readdirSync(join(place, 'notes'))).toEqual(['todo.txt']);
    // The token field is for https remotes only.
    await expect(dialog.getByLabel('Token (https only, optional)')).toBeDisabled();

    await field.fill(remote);
    if (shots) await dialog.screenshot({ path: join(shots, 'team-sync-dialog.png') });
    await dialog.getByRole('button', { name: 'Link and sync' }).click();
    await expect(dialog.getByRole('status')).toContainText(`Linked to ${remote} and synced`);
    await expect(dialog).toContainText(`This data folder syncs with ${remote}.`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    const sync = page.getByRole('group', { name: 'Team sync' });
    await expect(sync.getByRole('status')).toHaveText('Synced just now');

    // Ben receives the library with the CLI and changes the annotation's note first.
    const received = cli('sync', '--data', ben, '--remote', remote, '--coder', 'Ben');
    expect(received.stderr).toBe('');
    let benHost: BrowserHost | null = await startBrowserHost(ben, { coder: 'Ben' });
    await callHost(benHost, 'updateAnnotation', { articleId, id, note: 'Ben: a paraphrase, not a quote' });
    await benHost.stop();
    benHost = null;
    expect(cli('sync', '--data', ben).status).toBe(0);

    // Ana changes it later and syncs from the header: her note is kept, Ben's set aside.
    await new Promise((r) => setTimeout(r, 1_100));
    await callHost(host, 'updateAnnotation', { articleId, id, note: 'Ana: the opening quote' });
    await sync.getByRole('button', { name: 'Sync', exact: true }).click();
    const review = sync.getByRole('button', { name: '1 conflict to review' });
    await expect(review).toBeVisible();
    // At 1024 px the header, with the linked folder's status, settings and conflicts, still fits.
    await page.setViewportSize({ width: 1024, height: 700 });
    // Measured in one go in the page: the header re-renders as the status is read again, so a list of
    // locators taken first can point at a button that is gone by the time it is measured.
    await expect(review).toBeVisible();
    const beyond = await page.locator('.app-header').evaluate((header) =>
      [...header.querySelectorAll('button')]
        .map((button) => ({ name: button.textContent ?? '', box: button.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && box.right > 1024)
        .map(({ name }) => name),
    );
    expect(beyond).toEqual([]);
    if (shots) await page.locator('.app-header').screenshot({ path: join(shots, 'header-conflicts.png') });
    await page.setViewportSize({ width: 1400, height: 900 });
    await review.click();
    const conflicts = page.getByRole('dialog', { name: 'Sync conflicts to review' });
    const item = conflicts.getByRole('listitem');
    await expect(item).toHaveCount(1);
    await expect(item.getByRole('heading', { level: 3 })).toContainText('Annotation in');
    await expect(item).toContainText('edited on both sides');
    const kept = item.getByRole('region', { name: /^In your data now/ });
    const aside = item.getByRole('region', { name: /^Set aside/ });
    await expect(kept).toContainText('by Ana');
    await expect(kept).toContainText('Ana: the opening quote');
    await expect(aside).toContainText('by Ben');
    await expect(aside).toContainText('Ben: a paraphrase, not a quote');
    expect(await seriousAxeViolations(page)).toEqual([]);
    if (shots) await conflicts.screenshot({ path: join(shots, 'sync-conflicts.png') });

    await item.getByRole('button', { name: 'Restore the set-aside version' }).click();
    await expect(conflicts.getByRole('status')).toHaveText('No conflicts to review.');
    await expect(conflicts.getByRole('button', { name: 'Close' })).toBeFocused();
    expect(((await callHost(host, 'getAnnotation', { articleId, id })) as { note: string }).note).toBe('Ben: a paraphrase, not a quote');
    await page.keyboard.press('Escape');
    await expect(conflicts).toHaveCount(0);
    await expect(review).toHaveCount(0);

    // Unlink from the header's settings button: the header's sync goes, the data stays.
    await sync.getByRole('button', { name: 'Team remote settings' }).click();
    await dialog.getByRole('button', { name: 'Unlink' }).click();
    await expect(dialog.getByRole('status')).toContainText('Unlinked');
    await expect(dialog).toContainText('not linked to a team remote');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('group', { name: 'Team sync' })).toHaveCount(0);
    expect(((await callHost(host, 'getAnnotation', { articleId, id })) as { note: string }).note).toBe('Ben: a paraphrase, not a quote');
  } finally {
    await host?.stop();
    host = null;
    removeDataDir(ana);
    rmSync(join(ben, '..'), { recursive: true, force: true });
    rmSync(place, { recursive: true, force: true });
  }
});
