/**
 * The object the preload exposes to the renderer as `window.triangulate`:
 * one function per contract method, each sending its input over that
 * method's IPC channel and resolving to the main process's envelope
 * (`{ ok: true, value }` or `{ ok: false, error }`). Nothing else, and never
 * ipcRenderer itself.
 * The method list and channels come from shared/methodNames (no zod: a
 * sandboxed preload cannot load packages).
 */
import type { MethodName } from '../shared/contract/contract';
import { ipcChannel, methodNames } from '../shared/contract/methodNames';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;
export type DesktopBridge = Readonly<Record<MethodName, (input: unknown) => Promise<unknown>>>;

export function createBridge(invoke: Invoke): DesktopBridge {
  const bridge = {} as Record<MethodName, (input: unknown) => Promise<unknown>>;
  for (const method of methodNames) {
    const channel = ipcChannel(method);
    bridge[method] = (input: unknown) => invoke(channel, input);
  }
  return Object.freeze(bridge);
}
