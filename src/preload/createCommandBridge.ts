/**
 * What the preload exposes as `window.triangulateCommands`: one function to
 * listen for the commands the application menu sends (Import, Undo, Redo,
 * Find, Keyboard Shortcuts). Only known command names get through; the
 * renderer never sees ipcRenderer or the IPC event.
 */
import { APP_COMMAND_CHANNEL, isAppCommand, type AppCommand } from '../shared/contract/appCommandNames';

/** Subscribes to a channel's messages (their first argument); returns the unsubscribe function. */
export type Subscribe = (channel: string, listener: (message: unknown) => void) => () => void;

export interface CommandBridge {
  onCommand(listener: (command: AppCommand) => void): () => void;
}

export function createCommandBridge(subscribe: Subscribe): CommandBridge {
  return Object.freeze({
    onCommand(listener: (command: AppCommand) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('onCommand takes a function.');
      return subscribe(APP_COMMAND_CHANNEL, (message) => {
        if (isAppCommand(message)) listener(message);
      });
    },
  });
}
