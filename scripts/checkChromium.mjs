// Exits 0 when Chromium (for the UI tests) is on this machine: $CHROMIUM_PATH
// when it names an executable, else /usr/bin/chromium or
// /usr/bin/chromium-browser. Otherwise prints one line saying how to get it
// and exits 1. Same lookup as e2e/support/chromiumPath.ts.
import { accessSync, constants, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function isExecutableFile(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** @returns {string | null} */
export function findChromium(env = process.env) {
  const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH, ...CANDIDATES] : CANDIDATES;
  return candidates.find(isExecutableFile) ?? null;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (findChromium() === null) {
    console.error('Chromium not found: install it with "sudo apt-get install -y chromium" or set CHROMIUM_PATH');
    process.exit(1);
  }
}
