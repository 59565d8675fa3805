/**
 * Which article of the library an imported annotation is about, in this
 * order: Triangulate's own article id (`urn:triangulate:article:<id>`); the
 * article's web address (the target's `source`, `canonical` or `via`,
 * compared after normalizeUrl, against the address stored with the article);
 * the file name the source ends with (INCEpTION names "….txt") against the
 * file the article was imported from; our `triangulate:sha256` text hash;
 * and when nothing names a library article, the one article holding its
 * quoted text (findQuoteInLibrary: unique match required).
 */
import type { ArticleMeta } from '../../model/model';
import type { TaggingItem } from './readW3CCollection';
import { findQuoteInLibrary, type LibraryQuoteMatch } from './findQuoteInLibrary';
import { normalizeUrl } from './normalizeUrl';

const ARTICLE_URN = 'urn:triangulate:article:';

export type LibraryArticle = Pick<ArticleMeta, 'id' | 'hash'> & Partial<Pick<ArticleMeta, 'url' | 'origin'>>;

export type ArticleMatchBy = 'id' | 'url' | 'file' | 'sha256' | 'quote';

export type ArticleMatch = { articleId: string; by: ArticleMatchBy } | { problem: string };

type Named = Pick<TaggingItem, 'source' | 'sha256'> & Partial<Pick<TaggingItem, 'alsoKnownAs'>>;

/** The article the item names (id, address, file name or hash), or null. */
export function namedArticle(item: Named, articles: readonly LibraryArticle[]): { articleId: string; by: ArticleMatchBy } | null {
  if (item.source?.startsWith(ARTICLE_URN)) {
    const id = item.source.slice(ARTICLE_URN.length);
    if (articles.some((a) => a.id === id)) return { articleId: id, by: 'id' };
  }
  const names = [item.source, ...(item.alsoKnownAs ?? [])].filter((n): n is string => typeof n === 'string' && n.length > 0);
  const urls = new Set(names.map(normalizeUrl).filter((u): u is string => u !== null));
  if (urls.size > 0) {
    const articleUrls = normalizedUrlsOf(articles);
    const byUrl = articles.filter((_, i) => urls.has(articleUrls[i] ?? ''));
    if (byUrl.length === 1) return { articleId: byUrl[0]!.id, by: 'url' };
  }
  const file = item.source && normalizeUrl(item.source) === null && !item.source.startsWith('urn:') ? baseName(item.source) : null;
  if (file) {
    const byFile = articles.filter((a) => a.origin && baseName(a.origin) === file);
    if (byFile.length === 1) return { articleId: byFile[0]!.id, by: 'file' };
  }
  if (item.sha256) {
    const byHash = articles.find((a) => a.hash === item.sha256);
    if (byHash) return { articleId: byHash.id, by: 'sha256' };
  }
  return null;
}

/** Each article's address, normalised once per list of articles (an import asks for 30,000 items against the same list). */
const normalizedUrls = new WeakMap<readonly LibraryArticle[], readonly (string | null)[]>();

function normalizedUrlsOf(articles: readonly LibraryArticle[]): readonly (string | null)[] {
  let urls = normalizedUrls.get(articles);
  if (!urls) {
    urls = articles.map((a) => (a.url ? normalizeUrl(a.url) : null));
    normalizedUrls.set(articles, urls);
  }
  return urls;
}

/** Whether finding the item's article needs the texts of the whole library (nothing names one it has, and it has a quote). */
export function needsLibrarySearch(item: Named & Pick<TaggingItem, 'exact'>, articles: readonly LibraryArticle[]): boolean {
  return namedArticle(item, articles) === null && !!item.exact;
}

export function resolveArticle(
  item: Named & Pick<TaggingItem, 'exact' | 'prefix' | 'suffix'>,
  articles: readonly LibraryArticle[],
  libraryTexts: ReadonlyMap<string, string> | null,
  /** The library search's answer, when it was made beforehand (the core makes it a slice of items at a time). */
  searched?: LibraryQuoteMatch,
): ArticleMatch {
  const named = namedArticle(item, articles);
  if (named) return named;
  const what = item.source ? `names "${item.source}", which is not in this library` : 'names no article (its target has no source)';
  if (!item.exact) return { problem: `${what}, and has no quoted text to look for` };
  if (!libraryTexts) return { problem: `${what}` };
  const match = searched ?? findQuoteInLibrary(libraryTexts, { exact: item.exact, prefix: item.prefix, suffix: item.suffix });
  if ('found' in match) return { articleId: match.found, by: 'quote' };
  if ('ambiguous' in match) {
    const shown = match.ambiguous.slice(0, 3).join(', ');
    const more = match.ambiguous.length > 3 ? ` and ${match.ambiguous.length - 3} more` : '';
    return { problem: `${what}, and its quote is in several articles equally well (${shown}${more}); not imported` };
  }
  return { problem: `${what}, and no article of the library holds its quote "${clip(item.exact)}"` };
}

function baseName(path: string): string {
  const clean = path.replace(/^file:\/\//, '').split(/[?#]/)[0]!;
  return clean.split(/[\\/]/).pop() ?? clean;
}

function clip(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
