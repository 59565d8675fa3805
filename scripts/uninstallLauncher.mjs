// `npm run uninstall-launcher`: removes what `npm run install-launcher` added
// (the desktop entry and the icons); data folders are not touched.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { launcherPaths } from './launcherEntry.mjs';

if (process.platform !== 'linux') {
  console.log('Triangulate: uninstall-launcher is for Linux only.');
  process.exit(0);
}

const paths = launcherPaths();
const existed = existsSync(paths.desktopFile);
for (const file of [paths.desktopFile, ...paths.iconFiles.map((icon) => icon.path)]) rmSync(file, { force: true });
spawnSync('update-desktop-database', [paths.applicationsDir], { stdio: 'ignore' });
console.log(existed ? `Triangulate: launcher removed (${paths.desktopFile}).` : 'Triangulate: no launcher was installed.');
