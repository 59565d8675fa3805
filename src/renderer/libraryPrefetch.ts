/**
 * The library list, asked for as the page loads (before React's first
 * render) when the page opens on the library, so the host counts and sends
 * it while the UI is still starting; useLibrary takes it for its first
 * listing. Nothing is asked for when the page opens on another screen.
 */
import type { ArticleSummary } from '../shared/model';
import { getApi } from './api/getApi';
import { routeFromHash } from './hashRoute';

let early: Promise<ArticleSummary[]> | null = null;

export function prefetchLibrary(hash: string): void {
  if (routeFromHash(hash).view !== 'library') return;
  early = getApi().listArticles({});
  // Unhandled until taken: the rejection is reported by useLibrary when it takes the promise.
  early.catch(() => undefined);
}

/** The list asked for at load, once; null after that (or when none was asked for). */
export function takePrefetchedLibrary(): Promise<ArticleSummary[]> | null {
  const taken = early;
  early = null;
  return taken;
}
