/**
 * Preload of the main window (sandboxed, built to out/preload/index.cjs):
 * exposes the contract as `window.triangulate`, one function per method.
 * ipcRenderer stays in here; the renderer only gets the bridge's functions.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './createBridge';

contextBridge.exposeInMainWorld(
  'triangulate',
  createBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);
