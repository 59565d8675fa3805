/**
 * What a saved news page says about its article, read from the raw markup
 * without running anything: JSON-LD (`NewsArticle` and its kin, also inside
 * `@graph`), Open Graph, Twitter, Dublin Core and the common `<meta>` names,
 * `<title>`, `<html lang>`, `<link rel=canonical>` and `<time datetime>`.
 * JSON-LD wins over Open Graph, Open Graph over plain meta tags.
 */
import { Parser } from 'htmlparser2';

export interface PageMetadata {
  headline: string | null;
  /** The standfirst (dek, summary) the page gives. */
  standfirst: string | null;
  authors: string[];
  /** As written in the page (an ISO timestamp most of the time). */
  published: string | null;
  modified: string | null;
  outlet: string | null;
  canonicalUrl: string | null;
  language: string | null;
  /** The `<title>` text, for when no headline is given. */
  title: string | null;
  /** The text of the first `<h1>`, for when there is not even a title. */
  firstHeading: string | null;
}

/** JSON-LD types that describe an article. */
const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting|WebPage)$/;

/** Meta tag keys (name=, property= or itemprop=, lower-cased) each field is read from, first listed wins. */
const META: Record<'headline' | 'standfirst' | 'author' | 'published' | 'modified' | 'outlet' | 'url' | 'language', readonly string[]> = {
  headline: ['og:title', 'twitter:title', 'dc.title', 'headline', 'sailthru.title', 'parsely-title'],
  standfirst: ['og:description', 'twitter:description', 'description', 'dc.description'],
  author: ['author', 'article:author', 'dc.creator', 'byl', 'parsely-author', 'sailthru.author', 'cxenseparse:author'],
  published: [
    'article:published_time', 'datepublished', 'og:published_time', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created',
    'pubdate', 'publish-date', 'parsely-pub-date', 'sailthru.date', 'article.published', 'publication_date',
  ],
  modified: ['article:modified_time', 'datemodified', 'og:updated_time', 'dc.date.modified', 'dcterms.modified', 'last-modified'],
  outlet: ['og:site_name', 'application-name', 'publisher', 'dc.publisher', 'twitter:site'],
  url: ['og:url'],
  language: ['og:locale', 'dc.language', 'language', 'content-language'],
};

/** The options the metadata's parse needs (a parser shared with other work must use them too). */
export const METADATA_PARSER_OPTIONS = { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true } as const;

export function readPageMetadata(html: string): PageMetadata {
  const reader = pageMetadataReader();
  new Parser(reader.handler, METADATA_PARSER_OPTIONS).end(html);
  return reader.result();
}

/** The metadata as a parser's callbacks: one parse of a page can read it beside other work (see prefilterPage). */
export interface PageMetadataReader {
  handler: {
    onopentag(name: string, attribs: Record<string, string>): void;
    ontext(text: string): void;
    onclosetag(name: string): void;
  };
  result(): PageMetadata;
}

export function pageMetadataReader(): PageMetadataReader {
  const meta = new Map<string, string>();
  const jsonLd: string[] = [];
  let lang: string | null = null;
  let canonical: string | null = null;
  let time: string | null = null;
  let title: string | null = null;
  let inTitle = false;
  let titleText = '';
  let inJsonLd = false;
  let jsonText = '';
  let h1Depth = 0;
  let h1Text = '';
  let firstHeading: string | null = null;
  let skipDepth = 0;

  const handler: PageMetadataReader['handler'] = {
    onopentag(name, attribs) {
      if (name === 'h1' && firstHeading === null) h1Depth++;
      if (name === 'script' || name === 'style') skipDepth++;
      if (name === 'html') lang ??= attribs.lang ?? attribs['xml:lang'] ?? null;
      else if (name === 'title' && title === null) inTitle = true;
      else if (name === 'time' && attribs.datetime) time ??= attribs.datetime;
      else if (name === 'link' && /(^|\s)canonical(\s|$)/i.test(attribs.rel ?? '')) canonical ??= attribs.href ?? null;
      else if (name === 'script' && /ld\+json/i.test(attribs.type ?? '')) {
        inJsonLd = true;
        jsonText = '';
      } else if (name === 'meta' && attribs.content !== undefined) {
        const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? attribs['http-equiv'] ?? '').toLowerCase();
        if (key && !meta.has(key) && attribs.content.trim() !== '') meta.set(key, attribs.content);
      }
    },
    ontext(text) {
      if (inTitle) titleText += text;
      if (inJsonLd) jsonText += text;
      if (h1Depth > 0 && skipDepth === 0) h1Text += text;
    },
    onclosetag(name) {
      if ((name === 'script' || name === 'style') && skipDepth > 0) skipDepth--;
      if (name === 'h1' && h1Depth > 0 && --h1Depth === 0) firstHeading = h1Text;
      if (name === 'title' && inTitle) {
        inTitle = false;
        title = titleText;
      }
      if (name === 'script' && inJsonLd) {
        inJsonLd = false;
        jsonLd.push(jsonText);
      }
    },
  };
  return { handler, result };

  function result(): PageMetadata {
    const ld = articleFromJsonLd(jsonLd);
    const fromMeta = (field: keyof typeof META): string | null => {
      for (const key of META[field]) {
        const value = meta.get(key);
        if (value !== undefined && !(field === 'author' && /^https?:/i.test(value))) return decodeEntities(value);
      }
      return null;
    };
    const metaAuthor = fromMeta('author');
    return {
      headline: ld.headline ?? fromMeta('headline'),
      standfirst: ld.description ?? fromMeta('standfirst'),
      authors: ld.authors.length > 0 ? ld.authors : metaAuthor ? splitAuthors(metaAuthor) : [],
      published: ld.published ?? fromMeta('published') ?? time,
      modified: ld.modified ?? fromMeta('modified'),
      outlet: ld.publisher ?? fromMeta('outlet'),
      canonicalUrl: canonical ?? ld.url ?? fromMeta('url'),
      language: lang ?? ld.language ?? fromMeta('language'),
      title,
      firstHeading,
    };
  }
}

interface LdArticle {
  headline: string | null;
  description: string | null;
  authors: string[];
  published: string | null;
  modified: string | null;
  publisher: string | null;
  url: string | null;
  language: string | null;
}

/** The first article-like object of the page's JSON-LD blocks (bad JSON is skipped). */
function articleFromJsonLd(blocks: readonly string[]): LdArticle {
  const none: LdArticle = { headline: null, description: null, authors: [], published: null, modified: null, publisher: null, url: null, language: null };
  const candidates: Record<string, unknown>[] = [];
  for (const block of blocks) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(block.trim().replace(/^<!--|-->$/g, ''));
    } catch {
      continue;
    }
    collectObjects(parsed, candidates, 0);
  }
  const types = (o: Record<string, unknown>): string[] => [o['@type']].flat().filter((t): t is string => typeof t === 'string');
  // An article type beats a plain WebPage.
  const best =
    candidates.find((o) => types(o).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage') && 'headline' in o) ??
    candidates.find((o) => types(o).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage')) ??
    candidates.find((o) => types(o).includes('WebPage') && 'headline' in o);
  if (!best) return none;
  return {
    headline: str(best.headline) ?? str(best.name),
    description: str(best.description) ?? str(best.alternativeHeadline),
    authors: names(best.author ?? best.creator),
    published: str(best.datePublished) ?? str(best.dateCreated),
    modified: str(best.dateModified),
    publisher: names(best.publisher)[0] ?? null,
    url: str(best.url) ?? str(best.mainEntityOfPage) ?? str((best.mainEntityOfPage as Record<string, unknown> | undefined)?.['@id']),
    language: str(best.inLanguage),
  };
}

function collectObjects(value: unknown, out: Record<string, unknown>[], depth: number): void {
  if (depth > 4 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectObjects(item, out, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  out.push(record);
  if (Array.isArray(record['@graph'])) collectObjects(record['@graph'], out, depth + 1);
}

function str(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return decodeEntities(value.trim());
  if (Array.isArray(value)) return str(value[0]);
  return null;
}

/** Names out of a JSON-LD person/organisation (or a list, or a plain string). */
function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value == null ? [] : [value];
  const out: string[] = [];
  for (const item of list) {
    const name = typeof item === 'string' ? item : item && typeof item === 'object' ? str((item as Record<string, unknown>).name) : null;
    if (name && !/^https?:/i.test(name)) for (const n of splitAuthors(name)) if (!out.includes(n)) out.push(n);
  }
  return out;
}

/** "By A, B and C" as ["A", "B", "C"]. */
export function splitAuthors(value: string): string[] {
  return value
    .replace(/^\s*(by|von|par|por|di|door|av)\s+/i, '')
    .split(/\s*(?:,|;|\||\band\b|\bund\b|\bet\b|\by\b|&)\s*/i)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 1 && s.length <= 200);
}

/** Entities left in JSON-LD strings (`&amp;`, `&#8217;`): decoded. */
function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  let out = '';
  const parser = new Parser({ ontext: (t) => (out += t) }, { decodeEntities: true });
  parser.end(value.replace(/</g, '&lt;'));
  return out;
}
