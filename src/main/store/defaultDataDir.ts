/**
 * Where Triangulate keeps its data when no folder is given: $TRIANGULATE_DATA
 * if set, else the platform's per-user application data folder.
 */
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

const APP_FOLDER = 'Triangulate';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.TRIANGULATE_DATA) return env.TRIANGULATE_DATA;
  if (platform === 'win32') {
    return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_FOLDER);
  // XDG: a relative $XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  return posix.join(xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.local', 'share'), APP_FOLDER);
}
