/**
 * Team sync in the header (issue 16): hidden while the data folder has no
 * team remote; once linked (with the CLI), it shows the last sync and a Sync
 * button that syncs from the app.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freshDataDir, removeDataDir, ROOT, startBrowserHost } from './support/browserHost';

test('the header shows team sync only for a linked folder, and its Sync button syncs', async ({ page }) => {
  const dataDir = freshDataDir();
  const remote = mkdtempSync(join(tmpdir(), 'triangulate-e2e-remote-'));
  let host = await startBrowserHost(dataDir);
  try {
    await page.goto(host.url);
    await expect(page.getByRole('button', { name: 'Library' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Team sync' })).toHaveCount(0);
    await host.stop();

    mkdirSync(join(remote, 'team.git'));
    const linked = spawnSync(process.execPath, [join(ROOT, 'out/main/cli.js'), 'sync', '--data', dataDir, '--remote', join(remote, 'team.git')], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(linked.stderr).toBe('');
    expect(linked.status).toBe(0);

    host = await startBrowserHost(dataDir);
    await page.goto(host.url);
    const sync = page.getByRole('group', { name: 'Team sync' });
    await expect(sync.getByRole('status')).toHaveText(/Synced (just now|\d+ min ago)/);
    await sync.getByRole('button', { name: 'Sync' }).click();
    await expect(sync.getByRole('status')).toHaveText('Synced just now');
    await page.locator('.app-header').screenshot({ path: join(remote, 'header.png') });
    if (process.env.TRI_SYNC_SHOT) await page.locator('.app-header').screenshot({ path: process.env.TRI_SYNC_SHOT });
  } finally {
    await host.stop();
    removeDataDir(dataDir);
    rmSync(remote, { recursive: true, force: true });
  }
});
