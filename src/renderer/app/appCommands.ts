/**
 * App-wide commands that more than one place can trigger: a keyboard
 * shortcut, a button, or (in the desktop app) the application menu. Whoever
 * triggers one calls `runAppCommand`; the screen that can carry it out
 * listens with `useAppCommand` while it is mounted.
 */
import { useEffect, useRef } from 'react';
import type { AppCommand } from '../../shared/contract/appCommandNames';

export type { AppCommand };

const EVENT = 'triangulate:command';

export function runAppCommand(command: AppCommand): void {
  window.dispatchEvent(new CustomEvent<AppCommand>(EVENT, { detail: command }));
}

/** Calls `handler` each time `command` runs, while the calling component is mounted. */
export function useAppCommand(command: AppCommand, handler: () => void): void {
  useAppCommands({ [command]: handler });
}

/** Like useAppCommand, for several commands: each runs its own handler. */
export function useAppCommands(handlers: Partial<Record<AppCommand, () => void>>): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const listener = (event: Event) => latest.current[(event as CustomEvent<AppCommand>).detail]?.();
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, []);
}
