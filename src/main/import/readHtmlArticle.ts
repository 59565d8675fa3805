/**
 * Reads an article out of an HTML page, as text only: nothing in it is ever
 * run or rendered. sanitize-html first drops scripts, styles, event
 * handlers, embedded documents, SVG/MathML, forms and navigation (every
 * attribute goes), then htmlparser2 walks what is left and writes its text,
 * blocks (paragraphs, headings, list items, table rows…) as paragraphs
 * separated by a blank line and `<br>` as a line break. The first
 * `<article>` is taken when there is one, else `<main>`, else the whole body
 * (without its page header and footer). Title, outlet, author, date,
 * language and address come from the page's common meta tags.
 */
import { Parser } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';
import { cleanLine, emptyDraft, isoDate, languageTag, webUrl, type ArticleDraft } from '../../shared/model/articleDraft';

export type HtmlReadResult = { ok: true; draft: ArticleDraft } | { ok: false; reason: string };

/** Elements that start and end a paragraph of the text. */
const BLOCKS = new Set([
  'address', 'article', 'blockquote', 'caption', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'table',
  'tbody', 'thead', 'tfoot', 'tr', 'ul', 'body', 'center', 'details', 'summary',
]);
/** Cells: a space between them, a row is a paragraph. */
const CELLS = new Set(['td', 'th']);

/** Elements whose content is never article text: dropped with everything inside them. */
const NON_TEXT = [
  'script', 'style', 'noscript', 'template', 'textarea', 'select', 'option', 'button', 'form', 'nav', 'aside',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'canvas', 'video', 'audio',
  'head', 'title', 'xmp', 'plaintext', 'noembed', 'noframes', 'dialog',
];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...BLOCKS, ...CELLS, 'br', 'pre'],
  // No attribute survives: no event handler, no URL, no style.
  allowedAttributes: {},
  allowedSchemes: [],
  disallowedTagsMode: 'discard',
  nonTextTags: NON_TEXT,
  allowVulnerableTags: false,
};

export function readHtmlArticle(html: string): HtmlReadResult {
  const meta = readHtmlMeta(html);
  const clean = sanitizeHtml(html, SANITIZE);
  const { text, firstHeading } = extractText(clean);
  if (text.trim() === '') {
    return { ok: false, reason: 'it holds no article text once scripts, styles and markup are removed' };
  }
  const draft = emptyDraft(text);
  draft.title = cleanLine(meta.ogTitle, 1_000) ?? cleanLine(meta.title, 1_000) ?? cleanLine(firstHeading, 1_000);
  draft.outlet = cleanLine(meta.outlet, 500);
  draft.author = cleanLine(meta.author, 1_000);
  draft.date = isoDate(meta.date) ?? isoDate(meta.time);
  draft.language = languageTag(meta.lang) ?? languageTag(meta.contentLanguage) ?? languageTag(meta.locale);
  draft.url = webUrl(meta.canonical) ?? webUrl(meta.ogUrl);
  return { ok: true, draft };
}

interface HtmlMeta {
  title: string | null;
  ogTitle: string | null;
  outlet: string | null;
  author: string | null;
  date: string | null;
  time: string | null;
  lang: string | null;
  contentLanguage: string | null;
  locale: string | null;
  canonical: string | null;
  ogUrl: string | null;
}

/** Meta tag names (name=, property= or itemprop=) each field is read from, first found wins. */
const META_FIELDS: Partial<Record<keyof HtmlMeta, readonly string[]>> = {
  ogTitle: ['og:title', 'twitter:title', 'dc.title'],
  outlet: ['og:site_name', 'application-name', 'publisher', 'dc.publisher'],
  author: ['author', 'article:author', 'dc.creator', 'byl', 'parsely-author', 'sailthru.author'],
  date: ['article:published_time', 'datepublished', 'date', 'dc.date', 'dc.date.issued', 'pubdate', 'publish-date', 'og:published_time', 'parsely-pub-date'],
  locale: ['og:locale', 'dc.language', 'language'],
  ogUrl: ['og:url'],
};

/** The page's title, meta tags, `<html lang>` and canonical link, read from the raw markup (attributes only). */
function readHtmlMeta(html: string): HtmlMeta {
  const meta: HtmlMeta = {
    title: null, ogTitle: null, outlet: null, author: null, date: null, time: null,
    lang: null, contentLanguage: null, locale: null, canonical: null, ogUrl: null,
  };
  let inTitle = false;
  let titleText = '';
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'html' && meta.lang === null) meta.lang = attribs.lang ?? null;
        else if (name === 'title' && meta.title === null) inTitle = true;
        else if (name === 'time' && meta.time === null && attribs.datetime) meta.time = attribs.datetime;
        else if (name === 'link' && meta.canonical === null && /(^|\s)canonical(\s|$)/i.test(attribs.rel ?? '')) {
          meta.canonical = attribs.href ?? null;
        } else if (name === 'meta') {
          const content = attribs.content;
          if (content === undefined) return;
          if ((attribs['http-equiv'] ?? '').toLowerCase() === 'content-language') meta.contentLanguage ??= content;
          const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? '').toLowerCase();
          for (const [field, names] of Object.entries(META_FIELDS) as [keyof HtmlMeta, readonly string[]][]) {
            if (meta[field] === null && names.includes(key)) meta[field] = content;
          }
          if (key === 'author' || key === 'article:author') {
            // article:author is often a profile address, not a name.
            if (meta.author !== null && /^https?:/i.test(meta.author)) meta.author = null;
          }
        }
      },
      ontext(text) {
        if (inTitle) titleText += text;
      },
      onclosetag(name) {
        if (name === 'title' && inTitle) {
          inTitle = false;
          meta.title = titleText;
        }
      },
    },
    { lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return meta;
}

/** Paragraphs of text, built as the walk goes. */
class TextCollector {
  private readonly paragraphs: string[] = [];
  private current = '';

  add(text: string, preformatted: boolean): void {
    this.current += preformatted ? text : text.replace(/[ \t\n\r\f]+/g, ' ');
  }

  /** A space unless there is one already (between table cells). */
  separate(): void {
    if (!/[ \n]$/.test(this.current)) this.current += ' ';
  }

  lineBreak(): void {
    this.current += '\n';
  }

  blockBreak(): void {
    const lines = this.current
      .split('\n')
      .map((line) => line.replace(/^[ \t\r\f]+|[ \t\r\f]+$/g, ''));
    const paragraph = lines.join('\n').replace(/^\n+|\n+$/g, '');
    if (/\S/.test(paragraph)) this.paragraphs.push(paragraph);
    this.current = '';
  }

  text(): string {
    this.blockBreak();
    return this.paragraphs.join('\n\n');
  }
}

/** The text of the sanitised page: its first article, else its main part, else its body without page header and footer. */
function extractText(clean: string): { text: string; firstHeading: string | null } {
  const body = new TextCollector();
  const article = new TextCollector();
  const main = new TextCollector();
  let articleDepth = 0;
  let articleDone = false;
  let mainDepth = 0;
  let mainDone = false;
  let chromeDepth = 0;
  let preDepth = 0;
  let headingDepth = 0;
  let firstHeading: string | null = null;
  let heading = '';

  const active = (): TextCollector[] => {
    const list: TextCollector[] = [];
    if (articleDepth > 0) list.push(article);
    if (mainDepth > 0) list.push(main);
    if (chromeDepth === 0 || articleDepth > 0 || mainDepth > 0) list.push(body);
    return list;
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'article' && !articleDone) articleDepth++;
        if (name === 'main' && !mainDone) mainDepth++;
        if ((name === 'header' || name === 'footer') && articleDepth === 0 && mainDepth === 0) chromeDepth++;
        if (name === 'pre') preDepth++;
        if (name === 'h1' && firstHeading === null) headingDepth++;
        if (BLOCKS.has(name)) for (const c of active()) c.blockBreak();
        else if (name === 'br') for (const c of active()) c.lineBreak();
        else if (CELLS.has(name)) for (const c of active()) c.separate();
      },
      ontext(text) {
        for (const c of active()) c.add(text, preDepth > 0);
        if (headingDepth > 0) heading += text;
      },
      onclosetag(name) {
        if (BLOCKS.has(name)) for (const c of active()) c.blockBreak();
        else if (CELLS.has(name)) for (const c of active()) c.separate();
        if (name === 'pre' && preDepth > 0) preDepth--;
        if (name === 'h1' && headingDepth > 0 && --headingDepth === 0) firstHeading = heading;
        if ((name === 'header' || name === 'footer') && chromeDepth > 0 && articleDepth === 0 && mainDepth === 0) chromeDepth--;
        if (name === 'article' && articleDepth > 0 && --articleDepth === 0) articleDone = true;
        if (name === 'main' && mainDepth > 0 && --mainDepth === 0) mainDone = true;
      },
    },
    { lowerCaseTags: true },
  );
  parser.end(clean);
  const fromArticle = article.text();
  const fromMain = main.text();
  const fromBody = body.text();
  return { text: fromArticle || fromMain || fromBody, firstHeading };
}
