/**
 * Creates the main window: the renderer is isolated from Node and from the
 * preload (contextIsolation, sandbox, no nodeIntegration), middle-click
 * (auxclick) cannot open windows, and the window appears only once its
 * first paint is ready. The options are written out inside the `new
 * BrowserWindow(…)` call on purpose: that is where the Electronegativity
 * audit (npm run audit:electron) reads them. Takes the BrowserWindow class
 * as a parameter, so tests pass a fake.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export function createMainWindow<W>(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W,
  options: { preloadPath: string },
): W {
  return new BrowserWindow({
    title: 'Triangulate',
    width: 1360,
    height: 860,
    minWidth: 760,
    minHeight: 520,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
