// `npm run dist`: builds the app (electron-vite build) and packages it with electron-builder (the
// "build" section of package.json) for the platform this machine is: Linux
// → AppImage and .deb, Windows → NSIS installer, macOS → dmg, into dist/.
// electron-builder needs Electron's binary (node_modules/electron/dist, which
// `npm install` downloads from GitHub); where it is absent and cannot be
// downloaded, this stops with one line and exit code 1.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const CANNOT =
  'Triangulate: cannot package here: electron-builder needs to download Electron from GitHub, which this machine cannot reach.';

/** node_modules/electron/dist when it holds the Electron binary, else null. */
function electronDist() {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(dir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  return name && existsSync(join(dir, 'dist', name)) ? join(dir, 'dist') : null;
}

/** One try at Electron's own download (fails within seconds where GitHub cannot be reached). */
function downloadElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return;
  let installer;
  try {
    installer = require.resolve('electron/install.js');
  } catch {
    return;
  }
  spawnSync(process.execPath, [installer], { cwd: dirname(installer), stdio: 'ignore', timeout: 10 * 60_000 });
}

/** A file inside an installed package (its exports map may hide it from require.resolve). */
const binOf = (name, file) => join(dirname(require.resolve(`${name}/package.json`)), file);

const PLATFORM_FLAGS = { linux: ['--linux'], win32: ['--win'], darwin: ['--mac'] };

const flags = PLATFORM_FLAGS[process.platform];
if (!flags) {
  console.error(`Triangulate: cannot package on ${process.platform}; electron-builder builds on Linux, Windows and macOS.`);
  process.exit(1);
}

// Checked before building, so a machine that cannot package says only that.
const dist = electronDist() ?? (downloadElectron(), electronDist());
if (!dist) {
  console.error(CANNOT);
  process.exit(1);
}

const build = spawnSync(process.execPath, [binOf('electron-vite', 'bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const builder = spawnSync(
  process.execPath,
  [binOf('electron-builder', 'cli.js'), ...flags, '--publish', 'never', `-c.electronDist=${dist}`],
  { cwd: root, stdio: 'inherit' },
);
process.exit(builder.status ?? 1);
