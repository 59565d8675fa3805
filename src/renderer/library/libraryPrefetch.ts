/**
 * The library list's first page, asked for by the page's entry (main.tsx)
 * before the app itself is loaded, when the page opens on the library, so
 * the host makes it while the UI is still starting; useLibraryWindow takes
 * it for its first window. Nothing is asked for when the page opens on
 * another screen.
 */
import { getApi } from '../api/getApi';
import { routeFromHash } from '../app/hashRoute';
import type { LibraryWindow } from '../../shared/search/libraryWindow';
import { DEFAULT_LIBRARY_QUERY, fetchLibraryPage } from './libraryPages';

let early: Promise<LibraryWindow> | null = null;

export function prefetchLibrary(hash: string): void {
  if (routeFromHash(hash).view !== 'library') return;
  early = fetchLibraryPage(getApi(), DEFAULT_LIBRARY_QUERY, 0);
  // Unhandled until taken: useLibraryWindow fetches again when it takes the promise.
  early.catch(() => undefined);
}

/** The list asked for at load, once; null after that (or when none was asked for). */
export function takePrefetchedLibrary(): Promise<LibraryWindow> | null {
  const taken = early;
  early = null;
  return taken;
}
