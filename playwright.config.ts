import { defineConfig } from '@playwright/test';
import { chromiumPath } from './e2e/support/chromiumPath';

// UI tests run in the machine's Chromium (Debian's package), never a browser
// Playwright downloads. Each spec starts its own browser host on a fresh
// temporary data folder (see e2e/support/browserHost.ts).
const executablePath = chromiumPath() ?? undefined;

export default defineConfig({
  testDir: 'e2e',
  testMatch: /.*\.spec\.ts$/,
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
