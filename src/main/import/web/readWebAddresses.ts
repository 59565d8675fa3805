/**
 * Reads articles from web addresses in the Node core: each address is
 * fetched (see fetchWebPage: timeout, size cap, same-host redirects, a
 * User-Agent naming Triangulate) and read as a page (the HTML importer) or
 * as an RSS/Atom feed, whose items are imported from the text they carry
 * when it is the whole article (1,000 characters or more), else from the
 * page they link to. At most 4 fetches run at once, at most 2 on one host.
 * Gives one result per page or feed item, in the order given, each with the
 * name the report shows; a bad address or item never stops the others.
 */
import { emptyDraft } from '../../../shared/model/articleDraft';
import type { ArticleFileResult } from '../readArticleFile';
import { readHtmlArticle } from '../html/readHtmlArticle';
import { decodeHtmlBytes } from '../html/decodeHtmlBytes';
import { DEFAULT_FETCH_LIMITS, fetchWebPage, type FetchLimits } from './fetchWebPage';
import { htmlToParagraphs } from '../html/htmlToParagraphs';
import { readFeed } from './readFeed';

export interface WebRead {
  /** The address (a feed item: "feed address › item address"). */
  name: string;
  result: ArticleFileResult;
}

/** Feed item text at least this long is taken as the whole article. */
const FULL_TEXT_CHARS = 1_000;
const MAX_AT_ONCE = 4;
const MAX_PER_HOST = 2;

export async function readWebAddresses(addresses: readonly string[], limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<WebRead[]> {
  const fetchPolitely = politeFetcher(limits);
  const perAddress = await Promise.all(addresses.map((address) => readAddress(address, fetchPolitely)));
  return perAddress.flat();
}

type Fetcher = (address: string) => ReturnType<typeof fetchWebPage>;

async function readAddress(address: string, fetchPolitely: Fetcher): Promise<WebRead[]> {
  const fetched = await fetchPolitely(address);
  if (!fetched.ok) return [{ name: address, result: fetched }];
  const decoded = decodeHtmlBytes(fetched.bytes);
  if (!decoded.ok) return [{ name: address, result: decoded }];
  const feed = fetched.kind === 'feed' || /^\s*(<\?xml[^>]*>\s*)?<(rss|feed|rdf:RDF)\b/.test(decoded.text) ? readFeed(decoded.text) : null;
  if (fetched.kind === 'feed' && feed === null) return [{ name: address, result: { ok: false, reason: 'it is XML but not an RSS or Atom feed' } }];
  if (feed === null) return [{ name: address, result: pageResult(decoded.text, fetched.url) }];
  if (feed.items.length === 0) return [{ name: address, result: { ok: false, reason: 'the feed holds no items' } }];
  return Promise.all(
    feed.items.map(async (item, i): Promise<WebRead> => {
      const name = `${address} › ${item.link ?? `item ${i + 1}`}`;
      const paragraphs = htmlToParagraphs(item.html);
      const text = paragraphs.join('\n\n');
      if (text.length >= FULL_TEXT_CHARS) {
        const draft = emptyDraft(text);
        draft.title = item.title;
        draft.date = item.published?.slice(0, 10) ?? null;
        draft.url = item.link && /^https?:\/\//i.test(item.link) ? item.link : null;
        return { name, result: { ok: true, drafts: [draft] } };
      }
      if (!item.link) return { name, result: { ok: false, reason: 'the item carries only a teaser and no link to its article' } };
      const page = await fetchPolitely(new URL(item.link, fetched.url).href);
      if (!page.ok) return { name, result: page };
      const pageText = decodeHtmlBytes(page.bytes);
      if (!pageText.ok) return { name, result: pageText };
      const read = pageResult(pageText.text, page.url);
      if (read.ok) for (const d of read.drafts) d.date ??= item.published?.slice(0, 10) ?? null;
      return { name, result: read };
    }),
  );
}

function pageResult(html: string, url: string): ArticleFileResult {
  const read = readHtmlArticle(html);
  if (!read.ok) return read;
  read.draft.url ??= url;
  return { ok: true, drafts: [read.draft], wholePageOffered: !!read.draft.warning && (read.pageChars ?? 0) > read.draft.text.length };
}

/** fetchWebPage with at most MAX_AT_ONCE fetches running, at most MAX_PER_HOST on one host. */
function politeFetcher(limits: FetchLimits): Fetcher {
  let running = 0;
  const perHost = new Map<string, number>();
  const waiting: (() => void)[] = [];
  const hostOf = (address: string): string => {
    try {
      return new URL(address).host;
    } catch {
      return '';
    }
  };
  const wake = (): void => {
    for (const next of waiting.splice(0)) next();
  };
  return async (address) => {
    const host = hostOf(address);
    while (running >= MAX_AT_ONCE || (perHost.get(host) ?? 0) >= MAX_PER_HOST) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    perHost.set(host, (perHost.get(host) ?? 0) + 1);
    try {
      return await fetchWebPage(address, limits);
    } finally {
      running--;
      perHost.set(host, perHost.get(host)! - 1);
      wake();
    }
  };
}
