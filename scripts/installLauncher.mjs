// `npm run install-launcher`: adds "Triangulate" to the desktop's application
// list (Linux), starting the app from this checkout: writes
// $XDG_DATA_HOME/applications/triangulate.desktop and the icons under
// $XDG_DATA_HOME/icons/hicolor/. `npm run uninstall-launcher` removes them.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { desktopEntry, launcherPaths } from './launcherEntry.mjs';

if (process.platform !== 'linux') {
  console.log('Triangulate: install-launcher is for Linux only; on Windows and macOS use the installer from `npm run dist`.');
  process.exit(0);
}

const checkout = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const paths = launcherPaths();
for (const icon of paths.iconFiles) {
  mkdirSync(dirname(icon.path), { recursive: true });
  const source = icon.size === 'scalable' ? join(checkout, 'build', 'icon.svg') : join(checkout, 'build', 'icons', `${icon.size}x${icon.size}.png`);
  copyFileSync(source, icon.path);
}
mkdirSync(paths.applicationsDir, { recursive: true });
writeFileSync(paths.desktopFile, desktopEntry({ checkout, node: process.execPath }), { mode: 0o644 });
// Let menus notice at once where the helper exists; harmless where it does not.
spawnSync('update-desktop-database', [paths.applicationsDir], { stdio: 'ignore' });
console.log(`Triangulate: launcher installed (${paths.desktopFile}); it starts the app from ${checkout}.`);
