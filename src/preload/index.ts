/**
 * Preload of the main window (sandboxed, built to out/preload/index.cjs):
 * exposes the contract as `window.triangulate`, one function per method,
 * and the application menu's commands as `window.triangulateCommands`.
 * ipcRenderer stays in here; the renderer only gets the bridges' functions.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './createBridge';
import { createCommandBridge } from './createCommandBridge';

contextBridge.exposeInMainWorld(
  'triangulate',
  createBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);

contextBridge.exposeInMainWorld(
  'triangulateCommands',
  createCommandBridge((channel, listener) => {
    const onMessage = (_event: Electron.IpcRendererEvent, message: unknown) => listener(message);
    ipcRenderer.on(channel, onMessage);
    return () => void ipcRenderer.removeListener(channel, onMessage);
  }),
);
