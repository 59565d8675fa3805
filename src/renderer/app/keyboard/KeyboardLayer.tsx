/**
 * The app-wide keyboard and undo layer, mounted once by App: the global
 * shortcuts, the undo and redo commands with their status line, the search
 * command (opens the Search screen), the import command from a screen other
 * than the library (opens the library, whose import button then takes it)
 * and the shortcuts sheet.
 */
import { useEffect, useRef, useState } from 'react';
import { runAppCommand, useAppCommand } from '../appCommands';
import type { Route } from '../hashRoute';
import { ShortcutsSheet } from './ShortcutsSheet';
import { StatusLine } from '../StatusLine';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import { useUndoCommands } from '../useUndoCommands';

export interface KeyboardLayerProps {
  route: Route;
  navigate: (route: Route) => void;
  onToggleSide: () => void;
}

export function KeyboardLayer({ route, navigate, onToggleSide }: KeyboardLayerProps) {
  const [message, setMessage] = useState<{ text: string; stamp: number } | null>(null);
  const status = (text: string) => setMessage({ text, stamp: Date.now() });
  useGlobalShortcuts(onToggleSide);
  useUndoCommands(route, navigate, status);
  useAppCommand('search', () => {
    if (route.view !== 'search') navigate({ view: 'search', query: route.view === 'reader' ? (route.search?.query ?? '') : '' });
  });
  const importOnLibrary = useRef(false);
  useAppCommand('import', () => {
    if (route.view === 'library') return;
    importOnLibrary.current = true;
    navigate({ view: 'library' });
  });
  useEffect(() => {
    // Once this commit's effects have all run, the library's import button listens for the command.
    if (route.view !== 'library' || !importOnLibrary.current) return;
    const timer = window.setTimeout(() => {
      importOnLibrary.current = false;
      runAppCommand('import');
    }, 0);
    return () => window.clearTimeout(timer);
  }, [route.view]);
  return (
    <>
      <StatusLine message={message} />
      <ShortcutsSheet />
    </>
  );
}
