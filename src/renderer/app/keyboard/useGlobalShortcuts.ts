/**
 * The app-wide keys from the shortcuts table: undo and redo, search,
 * importing articles, the shortcuts sheet, hiding the side panels, moving between annotations and
 * search hits. They are caught before the focused element sees them (the
 * editor's own keymap would take Ctrl+Z); none of them is a key the article
 * text uses. Everything but Ctrl+F is left alone while the user types in a
 * field; while a dialog is open only its own keys work.
 */
import { useEffect, useRef } from 'react';
import { runAppCommand } from '../appCommands';
import { isTypingTarget } from './isTypingTarget';
import { runReaderCommand } from '../readerCommands';
import { shortcutFor, type ShortcutId } from './shortcuts';

const GLOBAL: readonly ShortcutId[] = [
  'undo',
  'redo',
  'redoAlt',
  'search',
  'searchSlash',
  'importArticles',
  'shortcuts',
  'toggleSide',
  'nextAnnotation',
  'previousAnnotation',
  'nextHit',
  'previousHit',
];

export function useGlobalShortcuts(onToggleSide: () => void): void {
  const toggle = useRef(onToggleSide);
  toggle.current = onToggleSide;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      const id = shortcutFor(e, GLOBAL);
      if (!id) return;
      if (isTypingTarget(e.target) && id !== 'search') return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      switch (id) {
        case 'undo':
          return runAppCommand('undo');
        case 'redo':
        case 'redoAlt':
          return runAppCommand('redo');
        case 'search':
        case 'searchSlash':
          return runAppCommand('search');
        case 'importArticles':
          return runAppCommand('import');
        case 'shortcuts':
          return runAppCommand('shortcuts');
        case 'toggleSide':
          return toggle.current();
        case 'nextAnnotation':
        case 'previousAnnotation':
        case 'nextHit':
        case 'previousHit':
          return runReaderCommand(id);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
