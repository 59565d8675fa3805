/**
 * Where the machine's Chromium is, for Playwright's executablePath: the
 * CHROMIUM_PATH environment variable when it names an executable, else
 * Debian's /usr/bin/chromium or /usr/bin/chromium-browser; null when none.
 * Same lookup as scripts/checkChromium.mjs.
 */
import { accessSync, constants, statSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH, ...CANDIDATES] : CANDIDATES;
  return candidates.find(isExecutableFile) ?? null;
}
