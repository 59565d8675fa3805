/**
 * The session's one undo history, shared by the undoable API (which records
 * every change) and the undo and redo commands (which step through it).
 */
import { UndoStack } from './undoStack';

export const appUndoStack = new UndoStack();
