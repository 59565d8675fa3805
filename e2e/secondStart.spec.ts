/**
 * A second start on a data folder that a browser host already serves (a
 * second double-click on the launcher) shows the running host again instead
 * of failing silently: the host prints the running address and exits 3, and
 * `npm start` turns that into a successful start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freshDataDir, removeDataDir, ROOT, startBrowserHost } from './support/browserHost';

test('a second start on the same data folder gives the running host’s address', async () => {
  const dataDir = freshDataDir();
  const host = await startBrowserHost(dataDir);
  try {
    const second = spawnSync(process.execPath, [join(ROOT, 'out/main/host.js'), '--data', dataDir, '--port', '0'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(second.stdout.trim()).toBe(`Triangulate already running at ${host.url}`);
    expect(second.status).toBe(3);

    const viaStart = spawnSync(process.execPath, [join(ROOT, 'scripts/start.mjs'), '--data', dataDir, '--no-open'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_OVERRIDE_DIST_PATH: join(dataDir, 'no-electron-here') },
    });
    expect(viaStart.stdout).toContain(`Triangulate already running at ${host.url}`);
    expect(viaStart.status).toBe(0);
  } finally {
    await host.stop();
  }
  expect(existsSync(join(dataDir, 'host.json'))).toBe(false);
  removeDataDir(dataDir);
});
