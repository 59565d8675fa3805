/**
 * The article out of a saved news page. prefilterPage first keeps only what
 * can hold article text (no scripts, styles, frames, objects, forms,
 * SVG/MathML, navigation, asides, captions; only the attributes Readability
 * reads) and takes page furniture out (share bars, newsletter boxes, "read
 * more" and related lists, comments, bylines), reading the page's metadata
 * in the same pass; linkedom builds a DOM of what is left (it runs no script
 * and loads nothing); Mozilla's Readability finds the article and hands
 * back its element; the article's text is read off that element through
 * sanitize-html's allow-list (SANITIZE_OPTIONS: the text of the allowed
 * elements, non-text elements left out with what they hold — the same
 * paragraphs sanitize-html's markup gives, without writing the article out
 * and parsing it twice more; only text is kept). (The whole page's text,
 * for the plausibility check and "import the whole page text instead", is
 * read from the page itself: visiblePageParagraphs.)
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type sanitizeHtml from 'sanitize-html';
import { elementToParagraphs, type ParagraphNode } from './htmlToParagraphs';
import { NON_TEXT, type PrefilteredPage } from './prefilterPage';

export interface HtmlExtraction {
  /** The article's paragraphs (empty when none was found). */
  paragraphs: string[];
}

/** What sanitize-html keeps of the article Readability found (its test checks that the paragraphs read off the DOM are the ones its markup gives). */
export const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'article', 'main', 'section', 'header', 'footer', 'div', 'span', 'p', 'br', 'hr', 'a', 'b', 'i',
    'em', 'strong', 'u', 's', 'small', 'sub', 'sup', 'mark', 'q', 'cite', 'abbr', 'time', 'code', 'pre', 'kbd',
    'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody',
    'tfoot', 'tr', 'td', 'th', 'caption', 'figure', 'address', 'center', 'font', 'details', 'summary', 'del', 'ins',
  ],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: true,
  disallowedTagsMode: 'discard',
  nonTextTags: [...NON_TEXT],
  allowVulnerableTags: false,
  parser: { lowerCaseTags: true, lowerCaseAttributeNames: true },
};

export function extractArticleHtml(page: PrefilteredPage): HtmlExtraction {
  const { document } = parseHTML(page.articleHtml);
  const article = findArticleElement(document);
  return { paragraphs: article ? articleParagraphs(article) : [] };
}

/**
 * Readability as the import runs it over the DOM of a pre-filtered page (the one setup, which the bench's
 * cost per stage uses too): the article's element, or null when it finds none. The article comes back as its
 * element, not as markup: its text is read straight off the DOM (articleParagraphs).
 */
export function findArticleElement(document: ReturnType<typeof parseHTML>['document']): ParagraphNode | null {
  if (!document.documentElement || !document.body) return null;
  const reader = new Readability<ParagraphNode>(document as unknown as Document, {
    charThreshold: 400,
    keepClasses: false,
    disableJSONLD: true,
    serializer: (node) => node as unknown as ParagraphNode,
  });
  skipWorkDoneBefore(reader);
  return reader.parse()?.content ?? null;
}

/** The paragraphs of the article's element: the text the allow-list keeps, furniture lines left out. */
export function articleParagraphs(article: ParagraphNode): string[] {
  return elementToParagraphs(article, ARTICLE_TAGS).filter(keptParagraph);
}

/**
 * Steps of Readability that change nothing on a pre-filtered page (see prefilterPage), skipped (~8 % of a
 * page's CPU time): it holds no script or noscript elements to remove, no style, hidden or aria-hidden
 * attribute that could make an element invisible (each visibility check made a style object for the
 * element), and its links' and images' addresses are never read (only the article's text is kept), so they
 * need not be made absolute, and its images without a source attribute (all of them) and noscript elements
 * are left out by the pre-filter, so there are none to unwrap or remove. A method a later Readability no longer has is left alone (nothing is skipped).
 * readHtmlArticle.test.ts checks that the article is the same with and without the skips.
 */
export function skipWorkDoneBefore(reader: object): void {
  const steps = reader as Record<string, unknown>;
  const skip = (name: string, replacement: () => unknown): void => {
    if (typeof steps[name] === 'function') steps[name] = replacement;
  };
  skip('_removeScripts', () => undefined);
  skip('_isProbablyVisible', () => true);
  skip('_fixRelativeUris', () => undefined);
  // Its images without a source are gone already (prefilterPage writes none), and so are noscript elements.
  skip('_unwrapNoscriptImages', () => undefined);
}

/**
 * What is read of the article's element: the text of what SANITIZE_OPTIONS allows (the other elements give
 * their text, the non-text ones nothing), the same paragraphs as sanitize-html's markup would give, read
 * off the DOM instead of written out, sanitised and parsed again (about 1.5 ms a 100 KB page).
 */
const ARTICLE_TAGS = { keptTags: new Set(SANITIZE_OPTIONS.allowedTags as string[]), skippedTags: NON_TEXT };

/** Lines that are furniture whatever element holds them. */
const FURNITURE_LINE =
  /^(advertisement|anzeige|publicidad|publicité|pubblicità|reklame|werbung|share( this)?( article| story| on \w+)?|read more|read next|read or share this story:.*|share this( story| article)?:.*|more:?|related( stories| articles| content)?:?|recommended( for you)?|(sign up|subscribe) (to|for) (our|the) .{0,40}newsletter.*|follow us on .*|click here to .*|story continues below( advertisement)?|continue reading( below)?|loading\.*|skip (to )?(main )?content|image:.*|photo:.*|foto:.*|\(?(ap|reuters|afp|getty images)( photo)?\)?)\.?$/i;

/** A lone number (a share or comment count). */
const COUNT_LINE = /^[\d.,\s]+[kKmM]?$/;

function keptParagraph(paragraph: string): boolean {
  const line = paragraph.trim();
  return !(line.length <= 160 && (FURNITURE_LINE.test(line) || COUNT_LINE.test(line)));
}
