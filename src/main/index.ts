/**
 * Electron main process: wires the Node core to the desktop window. Thin on
 * purpose; the parts worth testing live in ./desktop and take Electron's
 * objects as parameters.
 *
 * One instance at a time (a second launch focuses the first). The renderer
 * is served from app://triangulate/ and reaches the core only through the
 * preload's bridge and the IPC handlers, which accept calls from that origin
 * only. A data folder that cannot be read is reported in a dialog naming the
 * file, and the app quits without touching it.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, shell } from 'electron';
import type { MessageBoxOptions, SaveDialogOptions } from 'electron';
import { bundledCorpusDir } from './bundledCorpusDir';
import { createCore, type Core } from './createCore';
import { acquireDataFolderLock } from './dataFolderLock';
import { defaultDataDir } from './defaultDataDir';
import { recoverCommandFor } from './recoverCommandFor';
import { applicationMenuTemplate } from './desktop/applicationMenu';
import { createMainWindow } from './desktop/createMainWindow';
import { handleAppProtocol, registerAppScheme } from './desktop/appProtocol';
import { APP_ENTRY_URL } from './desktop/appUrl';
import { hardenWebContents } from './desktop/hardenWebContents';
import { isAppSender } from './desktop/isAppSender';
import { registerIpcHandlers } from './desktop/registerIpcHandlers';
import { writeFileAtomic } from './writeFileAtomic';

// Built layout: out/main/index.js, out/preload/index.cjs, out/renderer/.
const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'renderer');
const preloadPath = join(here, '..', 'preload', 'index.cjs');

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

function openMainWindow(): void {
  const window = createMainWindow(BrowserWindow, { preloadPath });
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
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
  try {
    core = await createCore({ dataDir, corpusDir });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox(
      'Triangulate cannot open its data',
      `${reason}\n\nNothing was changed. Restore the file from a backup (${join(dataDir, 'backups')}; ${recoverCommandFor(dataDir)} does it), or move the data folder (${dataDir}) away to start afresh.`,
    );
    app.quit();
    return;
  }
  const api = core;

  handleAppProtocol(protocol, rendererDir);
  registerIpcHandlers(ipcMain, api, isAppSender);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenuTemplate({
        api,
        dataDir: api.dataDir,
        version: app.getVersion(),
        isPackaged: app.isPackaged,
        platform: process.platform,
        showSaveDialog,
        writeFile: writeFileAtomic,
        showMessageBox,
        showErrorBox: (title, content) => dialog.showErrorBox(title, content),
      }),
    ),
  );
  openMainWindow();
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
    if (core && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  // Close the store before quitting, so the last write is on disk.
  app.on('will-quit', (event) => {
    const open = core;
    if (!open) return;
    event.preventDefault();
    core = null;
    open
      .close()
      .catch((error: unknown) => console.error('Triangulate: could not close the data folder cleanly:', error))
      .finally(() => app.quit());
  });

  app.whenReady().then(onReady, (error: unknown) => {
    console.error('Triangulate could not start:', error);
    app.quit();
  });
}
