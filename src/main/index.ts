/**
 * Electron main process: wires the Node core to the desktop window. Thin on
 * purpose; the parts worth testing live in ./desktop and take Electron's
 * objects as parameters.
 *
 * One instance at a time (a second launch focuses the first). The renderer
 * is served from app://triangulate/ and reaches the core only through the
 * preload's bridge and the IPC handlers, which accept calls from that origin
 * only. At a later start the library head answers the page's first window
 * of the list while the data folder opens, as in the browser host
 * (startDesktopApi). A data folder whose index.json is damaged opens in
 * recovery (see createRecoveryApi): the window names the file and offers
 * "Restore from backup". Any other failure to open it is reported in a
 * dialog, and the app quits without touching it.
 */
import { dirname, join, resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, shell } from 'electron';
import type { MessageBoxOptions, SaveDialogOptions } from 'electron';
import { bundledCorpusDir } from './import/bundledCorpusDir';
import { ApiError } from '../shared/contract/apiError';
import { APP_COMMAND_CHANNEL } from '../shared/contract/appCommandNames';
import { createCore } from './core/createCore';
import type { StartedFolder } from './core/startHeadFirst';
import { createRecoveryApi } from './core/createRecoveryApi';
import { acquireDataFolderLock } from './store/dataFolderLock';
import { defaultDataDir } from './store/defaultDataDir';
import { recoverCommandFor } from './safety/recoverCommandFor';
import { applicationMenuTemplate } from './desktop/applicationMenu';
import { createMainWindow } from './desktop/createMainWindow';
import { handleAppProtocol, registerAppScheme } from './desktop/appProtocol';
import { hardenWebContents } from './desktop/hardenWebContents';
import { isAppSender } from './desktop/isAppSender';
import { startDesktopApi, type DesktopApi } from './desktop/startDesktopApi';
import type { LibraryHead } from './store/libraryHead';
import { createArticleFileReader } from './import/createArticleFileReader';
import { importWorkerFile } from './import/importWorkerFile';
import { EMPTY_WINDOW_STATE, readWindowState, restoreWindowState, trackWindowState, type WindowStateTracker } from './desktop/windowState';
import { writeFileAtomic } from './store/writeFileAtomic';

// Built layout: out/main/index.js, out/preload/index.cjs, out/renderer/.
const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'renderer');
const preloadPath = join(here, '..', 'preload', 'index.cjs');

/** The data folder: its core, or the recovery API while it is damaged, once opened; null once closed. */
let folder: StartedFolder<DesktopApi> | null = null;
let mainWindow: BrowserWindow | null = null;
// Window size, position and last screen: window-state.json in the data folder,
// whose article ids the saved route names.
let savedWindowState = EMPTY_WINDOW_STATE;
let windowTracker: WindowStateTracker | null = null;
let windowStateFile = '';

function openMainWindow(): void {
  const window = createMainWindow(BrowserWindow, { preloadPath });
  mainWindow = window;
  const state = windowTracker?.current() ?? savedWindowState;
  const entryUrl = restoreWindowState(window, state, screen.getAllDisplays());
  windowTracker = trackWindowState(window, {
    initial: state,
    write: async (contents) => {
      await mkdir(dirname(windowStateFile), { recursive: true });
      await writeFileAtomic(windowStateFile, contents);
    },
    onError: (error) => console.error('Triangulate: could not save the window state:', error),
  });
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(entryUrl);
}

function showSaveDialog(options: SaveDialogOptions) {
  return mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options);
}

function showMessageBox(options: MessageBoxOptions) {
  return mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
}

async function onReady(): Promise<void> {
  const dataDir = defaultDataDir();
  const corpusDir = app.isPackaged ? join(process.resourcesPath, 'corpus') : bundledCorpusDir();
  try {
    // One writer per data folder (the browser host or the CLI may hold it); released on exit.
    const lock = await acquireDataFolderLock(dataDir);
    process.on('exit', () => lock.releaseSync());
  } catch (error) {
    dialog.showErrorBox('Triangulate cannot open its data', error instanceof Error ? error.message : String(error));
    app.quit();
    return;
  }
  // The start-up backup waits until the window has loaded (a changed large library is read in full for it).
  // The head read at this start is handed to the first open (the recovery API's later opens read it themselves).
  const openCore = (libraryHead?: LibraryHead | null) => createCore({ dataDir, corpusDir, backups: { startDelayMs: 3_000 }, libraryHead });
  const openApi = (head: LibraryHead | null): Promise<DesktopApi> =>
    openCore(head).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      if (!(error instanceof ApiError && error.code === 'corrupt_data')) {
        dialog.showErrorBox('Triangulate cannot open its data', `${reason}\n\nNothing was changed.`);
        app.quit();
        throw error;
      }
      console.error(`Triangulate: ${reason} To restore it from a backup, use "Restore from backup" in the window, or run: ${recoverCommandFor(dataDir)}`);
      return createRecoveryApi({ dataDir: resolve(dataDir), reason, openCore: () => openCore() });
    });

  handleAppProtocol(protocol, rendererDir);
  // Imports of whole files arrive as bytes: read, checked and planned in the import worker, never parsed here.
  folder = await startDesktopApi(ipcMain, dataDir, openApi, { isTrustedSender: isAppSender, reader: createArticleFileReader({ workerFile: importWorkerFile() }) });
  const api = folder.api;
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenuTemplate({
        api,
        dataDir: resolve(dataDir),
        version: app.getVersion(),
        isPackaged: app.isPackaged,
        platform: process.platform,
        sendCommand: (command) => mainWindow?.webContents.send(APP_COMMAND_CHANNEL, command),
        showSaveDialog,
        writeFile: writeFileAtomic,
        showMessageBox,
        showErrorBox: (title, content) => dialog.showErrorBox(title, content),
      }),
    ),
  );
  windowStateFile = join(resolve(dataDir), 'window-state.json');
  savedWindowState = await readWindowState(windowStateFile);
  openMainWindow();
  // The folder opens (with a head: at the window's first call the head cannot answer, or a little later), its
  // counts start in the background and its first window is made while the window loads.
  folder.ready();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme(protocol);

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { openExternal: (url) => shell.openExternal(url) });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (folder && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  // Close the store before quitting, so the last write is on disk.
  app.on('will-quit', (event) => {
    const open = folder;
    if (!open) return;
    event.preventDefault();
    folder = null;
    // The window's last size and screen are saved on close; wait for that write too. A folder never opened (only
    // the head answered), or that could not be opened (reported already), has nothing to close.
    Promise.all([open.opening()?.then((api) => api.close(), () => undefined), windowTracker?.flush()])
      .catch((error: unknown) => console.error('Triangulate: could not close the data folder cleanly:', error))
      .finally(() => app.quit());
  });

  app.whenReady().then(onReady, (error: unknown) => {
    console.error('Triangulate could not start:', error);
    app.quit();
  });
}
