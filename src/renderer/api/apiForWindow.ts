/**
 * Picks the transport for a page: the preload bridge when the UI runs in the
 * desktop app, otherwise HTTP to the host that served the page, with the
 * token from the URL fragment or sessionStorage.
 */
import type { TriangulateApi } from '../../shared/contract/contract';
import type { DesktopBridge } from './desktopBridge';
import { createDesktopApi } from './desktopApi';
import { readHostToken, type TokenStorage } from './hostToken';
import { createHttpApi } from './httpApi';

export interface ApiWindow {
  triangulate?: DesktopBridge;
  location: { hash: string; origin: string };
  sessionStorage?: TokenStorage | null;
  fetch?: typeof fetch;
}

function storageOf(win: ApiWindow): TokenStorage | null {
  try {
    return win.sessionStorage ?? null;
  } catch {
    return null; // reading sessionStorage throws where storage is blocked
  }
}

export function apiForWindow(win: ApiWindow): TriangulateApi {
  if (win.triangulate) return createDesktopApi(win.triangulate);
  const token = readHostToken(win.location.hash, storageOf(win)) ?? '';
  return createHttpApi({ baseUrl: win.location.origin, token, fetch: win.fetch?.bind(win) });
}
