/**
 * How a transport starts on a data folder (the browser host, the desktop
 * window): the library head is read once (readLibraryHead) and handed over
 * (headFirstApi: it answers the page's first window of the list, and the
 * store does not read it again); once the transport is ready (listening, or
 * the window loading) the folder opens — at once without a head, else at the
 * page's first call the head cannot answer or HEAD_FIRST_OPEN_DELAY_MS later,
 * whichever comes first — and the library's first window is made (its counts
 * start in the background) while the page loads.
 */
import type { TriangulateApi } from '../../shared/contract/contract';
import { readLibraryHead, type LibraryHead } from '../store/libraryHead';
import { headFirstApi, type HeadFirst } from './headFirstApi';

/** With a library head, the folder opens at the latest this long after the transport is ready (the page's scripts load meanwhile). */
export const HEAD_FIRST_OPEN_DELAY_MS = 1_500;

export interface StartedFolder<A extends TriangulateApi> extends HeadFirst<A> {
  /** The head read at this start; null when there is none that matches index.json (the folder opens at once). */
  head: LibraryHead | null;
  /** The transport is ready: the folder opens (see above) and the library's first window is made. */
  ready(): void;
}

export async function startHeadFirst<A extends TriangulateApi>(
  dataDir: string,
  openCore: (head: LibraryHead | null) => Promise<A>,
  options: { openDelayMs?: number } = {},
): Promise<StartedFolder<A>> {
  const head = await readLibraryHead(dataDir);
  const folder = headFirstApi(head, openCore);
  const warm = () => void folder.open().then((api) => api.listArticlesWindow({ offset: 0, limit: 1 })).catch(() => undefined);
  return {
    ...folder,
    head,
    ready: () => {
      if (head) setTimeout(warm, options.openDelayMs ?? HEAD_FIRST_OPEN_DELAY_MS);
      else warm();
    },
  };
}
