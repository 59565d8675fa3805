/**
 * The library list, asked for by the page's entry (main.tsx) before the app
 * itself is loaded, when the page opens on the library, so the host counts
 * and sends it while the UI is still starting; useLibrary takes it for its
 * first listing. Nothing is asked for when the page opens on another screen.
 */
import { getApi } from '../api/getApi';
import { routeFromHash } from '../app/hashRoute';
import { fetchLibraryListing, type LibraryListing } from './libraryListing';

let early: Promise<LibraryListing> | null = null;

export function prefetchLibrary(hash: string): void {
  if (routeFromHash(hash).view !== 'library') return;
  early = fetchLibraryListing(getApi());
  // Unhandled until taken: the rejection is reported by useLibrary when it takes the promise.
  early.catch(() => undefined);
}

/** The list asked for at load, once; null after that (or when none was asked for). */
export function takePrefetchedLibrary(): Promise<LibraryListing> | null {
  const taken = early;
  early = null;
  return taken;
}
