/**
 * The items of an RSS or Atom feed (htmlparser2's feed reader, in XML mode:
 * data only): each item's title, link, date and the HTML it carries
 * (`content:encoded` when there is one, else its description or content).
 */
import { DomUtils, parseDocument, parseFeed } from 'htmlparser2';

export interface FeedItem {
  title: string | null;
  link: string | null;
  /** ISO timestamp. */
  published: string | null;
  /** The item's own HTML (may be the whole article, or a teaser). */
  html: string;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

/** The feed, or null when the XML is not an RSS or Atom feed. */
export function readFeed(xml: string): Feed | null {
  const feed = parseFeed(xml, { xmlMode: true });
  if (!feed) return null;
  const encoded = DomUtils.getElementsByTagName('item', parseDocument(xml, { xmlMode: true }).children, true).map((item) => {
    const content = DomUtils.getElementsByTagName('content:encoded', item.children, false, 1)[0];
    return content ? DomUtils.textContent(content) : null;
  });
  return {
    title: feed.title ?? null,
    items: feed.items.map((item, i) => ({
      title: item.title ?? null,
      link: item.link ?? null,
      published: item.pubDate ? new Date(item.pubDate).toISOString() : null,
      html: (feed.type === 'rss' ? encoded[i] : null) ?? item.description ?? '',
    })),
  };
}
