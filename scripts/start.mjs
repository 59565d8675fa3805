// `npm start`: builds when needed, then opens the desktop app. Where the
// Electron binary is not on this machine (it downloads on first start where
// GitHub is reachable), runs the browser host instead, prints its link and
// opens it in a Chromium app window where Chromium is installed (Linux), else
// in the default browser.
//
//   npm start -- [--data DIR] [--port N] [--no-open] [--app-window]
//
// --data is passed to the desktop app as TRIANGULATE_DATA; --port applies to
// the browser host only; --no-open leaves the browser closed. --app-window
// (the desktop launcher's, see launcherEntry.mjs): the browser host's UI opens
// in a Chromium window with a profile of its own, and closing that window
// stops the host, as closing the desktop app would.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './ensureBuilt.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const READY = /^Triangulate ready at (http:\/\/127\.0\.0\.1:\d+\/\S*)$/;
/** The host's line when another host already serves the data folder (it then exits 3). */
const ALREADY_RUNNING = /^Triangulate already running at (http:\/\/127\.0\.0\.1:\d+\/\S*)$/;

/** The Electron executable when it has been downloaded, else null (never triggers the download). */
function electronBinary() {
  let dir;
  try {
    dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(dir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const overridden = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name || 'electron');
    return existsSync(overridden) ? overridden : null;
  }
  if (!name) return null;
  const binary = join(dir, 'dist', name);
  return existsSync(binary) ? binary : null;
}

/** The first Chromium-family browser on PATH (Linux), which can show the UI in an app window of its own. */
function chromiumOnPath() {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
      if (existsSync(join(dir, name))) return join(dir, name);
    }
  }
  return null;
}

/** Opens the UI: in a Chromium app window (no tabs or address bar) where there is one, else in the default browser. */
function openInBrowser(url) {
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const chromium = process.platform === 'linux' && hasDisplay ? chromiumOnPath() : null;
  const command = chromium
    ? [chromium, [`--app=${url}`, '--class=Triangulate']]
    : process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : hasDisplay
          ? ['xdg-open', [url]]
          : null;
  if (!command) return;
  try {
    const opener = spawn(command[0], command[1], { stdio: 'ignore', detached: true });
    opener.on('error', () => undefined);
    opener.unref();
  } catch {
    // No opener: the link printed above is enough.
  }
}

/**
 * The UI in a Chromium window of its own (a separate profile, so the browser
 * process is ours and ends when the window closes); null without Chromium.
 */
function openAppWindow(url) {
  const chromium = process.platform === 'linux' && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) ? chromiumOnPath() : null;
  if (!chromium) return null;
  const cacheHome = process.env.XDG_CACHE_HOME?.startsWith('/') ? process.env.XDG_CACHE_HOME : join(homedir(), '.cache');
  const profile = join(cacheHome, 'triangulate', 'app-window');
  const window = spawn(chromium, [`--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check', '--class=Triangulate', `--app=${url}`], {
    stdio: 'ignore',
  });
  window.on('error', () => undefined);
  return window;
}

/**
 * Runs a child until it ends, passing Ctrl-C and termination on to it; exits
 * with its code (`exitCode` may change it). Waits for the child's output to be
 * read to the end ('close'), so its last line is handled first.
 */
function supervise(child, exitCode = (code) => code) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`Triangulate: could not start ${child.spawnfile}: ${error.message}`);
    process.exit(1);
  });
  child.on('close', (code, signal) => process.exit(exitCode(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1))));
}

function dataDirArg(args) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--data') return args[i + 1];
    if (args[i].startsWith('--data=')) return args[i].slice('--data='.length);
  }
  return undefined;
}

const args = process.argv.slice(2);
const noOpen = args.includes('--no-open');
const appWindow = args.includes('--app-window');
const hostArgs = args.filter((arg) => arg !== '--no-open' && arg !== '--app-window');

const built = ensureBuilt();
if (built !== 0) process.exit(built);

/**
 * Electron fetches its binary on first use. Try that once (quietly; it fails
 * within a second where GitHub cannot be reached) before falling back.
 */
function downloadElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return;
  let installer;
  try {
    installer = createRequire(import.meta.url).resolve('electron/install.js');
  } catch {
    return;
  }
  spawnSync(process.execPath, [installer], { cwd: dirname(installer), stdio: 'ignore', timeout: 15 * 60_000 });
}

const electron = electronBinary() ?? (downloadElectron(), electronBinary());
if (electron) {
  const dataDir = dataDirArg(hostArgs);
  const env = dataDir ? { ...process.env, TRIANGULATE_DATA: resolve(process.env.INIT_CWD ?? process.cwd(), dataDir) } : process.env;
  supervise(spawn(electron, [root], { stdio: 'inherit', env }));
} else {
  console.error(
    'Triangulate: the Electron binary could not be downloaded on this machine (it needs GitHub); opening the same UI in your browser instead.',
  );
  const host = spawn(process.execPath, [join(root, 'out', 'main', 'host.js'), ...hostArgs], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let reopened = false;
  createInterface({ input: host.stdout }).on('line', (line) => {
    process.stdout.write(`${line}\n`);
    // A second start (another double-click): show the running host's window again.
    const running = ALREADY_RUNNING.exec(line);
    if (running) {
      reopened = true;
      if (!noOpen && !(appWindow && openAppWindow(running[1]))) openInBrowser(running[1]);
      return;
    }
    const ready = READY.exec(line);
    if (!ready || noOpen) return;
    const window = appWindow ? openAppWindow(ready[1]) : null;
    if (window) window.on('exit', () => host.exitCode === null && host.kill('SIGTERM'));
    else openInBrowser(ready[1]);
  });
  // Exit 3 with the running host's window shown again is a successful start.
  supervise(host, (code) => (reopened && code === 3 ? 0 : code));
}
