/**
 * The one way the UI reaches Triangulate's core: `getApi()` returns the
 * contract (`TriangulateApi`) over whichever transport this page runs on.
 * Every call resolves to the method's output or rejects with an ApiError.
 */
import type { TriangulateApi } from '../../shared/contract';
import { apiForWindow } from './apiForWindow';

let api: TriangulateApi | null = null;

export function getApi(): TriangulateApi {
  api ??= apiForWindow(window);
  return api;
}
