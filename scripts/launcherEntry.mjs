// The desktop entry (freedesktop.org Desktop Entry Specification 1.4) that
// `npm run install-launcher` writes for this checkout, and where it and the
// icons go. Double-clicking it runs `scripts/start.mjs --app-window` with this
// Node, which opens the desktop app, or the browser host in a Chromium app
// window where Electron is absent.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const LAUNCHER_ID = 'triangulate';
/** The hicolor sizes installed from build/icons/<n>x<n>.png. */
export const LAUNCHER_ICON_SIZES = [16, 32, 48, 64, 128, 256, 512];
export const LAUNCHER_MIME_TYPES = ['text/plain', 'text/markdown', 'text/html', 'application/json'];

/** $XDG_DATA_HOME (default ~/.local/share) and the files the launcher puts there. */
export function launcherPaths(env = process.env, home = homedir()) {
  const dataHome = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(home, '.local', 'share');
  return {
    dataHome,
    applicationsDir: join(dataHome, 'applications'),
    desktopFile: join(dataHome, 'applications', `${LAUNCHER_ID}.desktop`),
    iconFiles: [
      ...LAUNCHER_ICON_SIZES.map((size) => ({
        size,
        path: join(dataHome, 'icons', 'hicolor', `${size}x${size}`, 'apps', `${LAUNCHER_ID}.png`),
      })),
      { size: 'scalable', path: join(dataHome, 'icons', 'hicolor', 'scalable', 'apps', `${LAUNCHER_ID}.svg`) },
    ],
  };
}

/** A value of type string: backslash, newline, tab and carriage return escaped. */
function escapeString(value) {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
}

/**
 * One Exec argument, always double-quoted: inside the quotes `"`, `` ` ``,
 * `$` and `\` take a backslash; `%` is doubled (it starts field codes); then
 * the whole is escaped once more as a string value.
 */
export function quoteExecArgument(argument) {
  if (/[\n\r]/.test(argument)) throw new Error(`Triangulate: cannot launch from a path with a line break: ${JSON.stringify(argument)}`);
  const quoted = `"${argument.replace(/[\\"`$]/g, (c) => `\\${c}`)}"`;
  return escapeString(quoted).replace(/%/g, '%%');
}

/** The .desktop file's text for a checkout at `checkout`, started with the Node at `node`. */
export function desktopEntry({ checkout, node }) {
  const exec = [...[node, join(checkout, 'scripts', 'start.mjs')].map(quoteExecArgument), '--app-window'].join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.4',
    'Name=Triangulate',
    'GenericName=Annotation workbench',
    'Comment=Compare and annotate news coverage of one event',
    `Exec=${exec}`,
    `Path=${escapeString(checkout)}`,
    `Icon=${LAUNCHER_ID}`,
    'Terminal=false',
    'Categories=Office;',
    `MimeType=${LAUNCHER_MIME_TYPES.join(';')};`,
    'Keywords=annotation;news;media;research;',
    'StartupNotify=true',
    'StartupWMClass=Triangulate',
    '',
  ].join('\n');
}
