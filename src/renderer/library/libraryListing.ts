/**
 * The library list with the revision it was fetched under (see the
 * contract's libraryRevision). Coming back to the library asks only for the
 * revision; the list, 3–4 MB of JSON at 10,000 articles, is fetched again
 * only when it changed.
 */
import type { TriangulateApi } from '../../shared/contract/contract';
import type { ArticleSummary } from '../../shared/model/model';

export interface LibraryListing {
  revision: string;
  articles: ArticleSummary[];
}

type LibraryApi = Pick<TriangulateApi, 'libraryRevision' | 'listArticles'>;

/** The revision first, then the list: a change in between only makes the list newer than its token. */
export async function fetchLibraryListing(api: LibraryApi): Promise<LibraryListing> {
  const revision = await api.libraryRevision({});
  return { revision, articles: await api.listArticles({}) };
}

/** `known` itself while its revision is current, else the list fetched again. */
export async function refreshLibraryListing(api: LibraryApi, known: LibraryListing): Promise<LibraryListing> {
  return (await api.libraryRevision({})) === known.revision ? known : fetchLibraryListing(api);
}
