/**
 * The one way the UI reaches Triangulate's core: `getApi()` returns the
 * contract (`TriangulateApi`) over whichever transport this page runs on,
 * recording every annotation change in the session's undo history.
 * Every call resolves to the method's output or rejects with an ApiError.
 */
import type { TriangulateApi } from '../../shared/contract/contract';
import { appUndoStack } from './appUndo';
import { apiForWindow } from './apiForWindow';
import { createUndoableApi } from './undoableApi';

let api: TriangulateApi | null = null;
let plain: TriangulateApi | null = null;

export function getApi(): TriangulateApi {
  api ??= createUndoableApi(getPlainApi(), appUndoStack);
  return api;
}

/** The contract without undo recording (undo and redo themselves use it through the stack). */
export function getPlainApi(): TriangulateApi {
  plain ??= apiForWindow(window);
  return plain;
}
