/**
 * Playwright's `test` with one more fixture, `host`: a browser host on a
 * fresh data folder (which gets the default corpus), started before the test
 * and stopped, its folder removed, after it. Specs that need their own
 * folder or restart the host use startBrowserHost directly.
 */
import { test as base } from '@playwright/test';
import { freshDataDir, removeDataDir, startBrowserHost, type BrowserHost } from './browserHost';

export const test = base.extend<{ host: BrowserHost }>({
  // Playwright reads a fixture's dependencies from this pattern; the host needs none.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await startBrowserHost(freshDataDir());
    try {
      await use(host);
    } finally {
      await host.stop();
      removeDataDir(host.dataDir);
    }
  },
});

export { expect } from '@playwright/test';
