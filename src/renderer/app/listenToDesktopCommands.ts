/**
 * In the desktop app, turns the application menu's commands (delivered by
 * the preload's `window.triangulateCommands`) into app commands. Undo and
 * Redo while the focus is in a text field are the field's own text undo,
 * as the Edit menu does in every desktop program. In a browser there is no
 * menu and this does nothing.
 */
import type { AppCommand } from '../../shared/contract/appCommandNames';

export interface CommandSource {
  onCommand(listener: (command: AppCommand) => void): () => void;
}

export interface CommandTarget {
  run(command: AppCommand): void;
  /** True when the focus is in a field that has its own text undo. */
  focusInTextField(): boolean;
  /** The field's own undo or redo (document.execCommand). */
  textUndo(command: 'undo' | 'redo'): void;
}

declare global {
  interface Window {
    triangulateCommands?: CommandSource;
  }
}

export function listenToDesktopCommands(source: CommandSource | undefined, target: CommandTarget): () => void {
  if (!source) return () => {};
  return source.onCommand((command) => {
    if ((command === 'undo' || command === 'redo') && target.focusInTextField()) target.textUndo(command);
    else target.run(command);
  });
}

/** Whether an element takes typed text (inputs that type text, text areas, editable content). */
export function isTextField(element: Element | null): boolean {
  if (!element) return false;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea') return true;
  if (tag === 'input') {
    const type = (element.getAttribute('type') ?? 'text').toLowerCase();
    return ['text', 'search', 'url', 'email', 'number', 'tel', 'password'].includes(type);
  }
  return element.getAttribute('contenteditable') === 'true';
}
