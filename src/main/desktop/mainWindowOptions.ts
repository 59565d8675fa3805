/**
 * Options of the main window: the renderer is isolated from Node and from the
 * preload (contextIsolation, sandbox, no nodeIntegration), and the window
 * appears only once its first paint is ready.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export function mainWindowOptions(options: { preloadPath: string }): BrowserWindowConstructorOptions {
  return {
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
    },
  };
}
