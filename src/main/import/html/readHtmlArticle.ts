/**
 * Reads the article out of a saved HTML page, as text only: nothing in it is
 * ever run or rendered (see import/extractArticleHtml: one htmlparser2 pass
 * that keeps only text elements and reads the metadata, then a linkedom DOM
 * that runs no script, then Mozilla's Readability, then its article's text read through
 * sanitize-html's allow-list). Paragraphs,
 * subheads, block quotes and list items are paragraphs of the text (one line
 * each, a blank line between them); captions, bylines, share bars,
 * newsletter boxes, "read more" lists and comments are left out. Headline,
 * standfirst, authors, dates, outlet, canonical address and language come
 * from the page's JSON-LD, Open Graph and meta tags.
 *
 * When the article found is implausibly short for the page (see
 * import/shortArticleWarning), the draft carries a warning for the import
 * report; `wholePage` takes the whole page's visible text instead (what
 * the page shows, read from the page itself: see visiblePageParagraphs).
 */
import { cleanLine, emptyDraft, isoDate, languageTag, webUrl, type ArticleDraft } from '../../../shared/model/articleDraft';
import { extractArticleHtml } from './extractArticleHtml';
import { MAX_HTML_NESTING } from '../nestingDepth';
import { prefilterPage } from './prefilterPage';
import { visiblePageParagraphs } from './visiblePageParagraphs';
import { SHORT_ARTICLE_CHARS, shortArticleWarning } from './shortArticleWarning';

export type HtmlReadResult =
  | { ok: true; draft: ArticleDraft; /** Length of the page's whole visible text, to tell whether it would give more. */ pageChars?: number }
  | { ok: false; reason: string };

export interface HtmlReadOptions {
  /** Take the whole page's visible text, not the article found in it. */
  wholePage?: boolean;
  /** Refuse a page nested too deeply (default true; off only to test the import worker's own limits). */
  checkNesting?: boolean;
}

export function readHtmlArticle(html: string, options: HtmlReadOptions = {}): HtmlReadResult {
  const page = prefilterPage(html, options.checkNesting === false ? null : MAX_HTML_NESTING);
  if (page.tooDeep) return { ok: false, reason: page.tooDeep };
  const meta = page.metadata;
  const { paragraphs: found } = extractArticleHtml(page);
  // The whole page's text from the page itself (visiblePageParagraphs), only when it is needed.
  let whole: string[] | null = null;
  const pageParagraphs = (): string[] => (whole ??= visiblePageParagraphs(html));
  const headline = cleanLine(meta.headline, 1_000) ?? cleanLine(meta.title, 1_000);
  let paragraphs = options.wholePage || found.length === 0 ? pageParagraphs() : found;
  // The headline is the article's title, not the first line of its text.
  if (!options.wholePage && headline && paragraphs.length > 1 && sameLine(paragraphs[0]!, headline)) paragraphs = paragraphs.slice(1);
  const text = paragraphs.join('\n\n');
  if (text.trim() === '') {
    return { ok: false, reason: 'it holds no article text once scripts, styles and markup are removed' };
  }
  const draft = emptyDraft(text);
  draft.title = headline ?? cleanLine(meta.firstHeading, 1_000);
  draft.standfirst = cleanLine(meta.standfirst, 2_000);
  draft.outlet = cleanLine(meta.outlet, 500);
  draft.author = cleanLine(meta.authors.join(', '), 1_000);
  draft.date = isoDate(meta.published);
  draft.modified = isoDate(meta.modified);
  draft.language = languageTag(meta.language);
  draft.url = webUrl(meta.canonicalUrl);
  // The page's whole text is measured only when the article could be implausibly short (see shortArticleWarning).
  const mayBeShort = options.wholePage || found.length === 0 || text.length < SHORT_ARTICLE_CHARS;
  const pageChars = mayBeShort ? pageParagraphs().join('\n\n').length : undefined;
  if (!options.wholePage) {
    draft.warning =
      found.length === 0
        ? 'no article was found in the page — its whole visible text was imported'
        : pageChars === undefined
          ? null
          : shortArticleWarning(text.length, pageChars);
  }
  return { ok: true, draft, ...(pageChars === undefined ? {} : { pageChars }) };
}

function sameLine(a: string, b: string): boolean {
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}
