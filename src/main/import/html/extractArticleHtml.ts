/**
 * The article out of a saved news page. prefilterPage first keeps only what
 * can hold article text (no scripts, styles, frames, objects, forms,
 * SVG/MathML, navigation, asides, captions; only the attributes Readability
 * reads) and takes page furniture out (share bars, newsletter boxes, "read
 * more" and related lists, comments, bylines), reading the page's metadata
 * in the same pass; linkedom builds a DOM of what is left (it runs no script
 * and loads nothing); Mozilla's Readability finds the article; sanitize-html
 * cleans the article's HTML (every URL but http(s) links, every attribute
 * that is not text); its HTML becomes paragraphs. (The whole page's text,
 * for the plausibility check and "import the whole page text instead", is
 * read from the page itself: visiblePageParagraphs.)
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import sanitizeHtml from 'sanitize-html';
import { htmlToParagraphs } from './htmlToParagraphs';
import { NON_TEXT, type PrefilteredPage } from './prefilterPage';

export interface HtmlExtraction {
  /** The article's paragraphs (empty when none was found). */
  paragraphs: string[];
}

/** What sanitize-html keeps of the article Readability found (exported for the bench's cost per stage). */
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
  if (!document.documentElement || !document.body) return { paragraphs: [] };
  const article = new Readability(document as unknown as Document, {
    charThreshold: 400,
    keepClasses: false,
    disableJSONLD: true,
  }).parse();
  const paragraphs = article?.content ? htmlToParagraphs(sanitizeHtml(article.content, SANITIZE_OPTIONS)).filter(keptParagraph) : [];
  return { paragraphs };
}

/** Lines that are furniture whatever element holds them. */
const FURNITURE_LINE =
  /^(advertisement|anzeige|publicidad|publicité|pubblicità|reklame|werbung|share( this)?( article| story| on \w+)?|read more|read next|read or share this story:.*|share this( story| article)?:.*|more:?|related( stories| articles| content)?:?|recommended( for you)?|(sign up|subscribe) (to|for) (our|the) .{0,40}newsletter.*|follow us on .*|click here to .*|story continues below( advertisement)?|continue reading( below)?|loading\.*|skip (to )?(main )?content|image:.*|photo:.*|foto:.*|\(?(ap|reuters|afp|getty images)( photo)?\)?)\.?$/i;

/** A lone number (a share or comment count). */
const COUNT_LINE = /^[\d.,\s]+[kKmM]?$/;

function keptParagraph(paragraph: string): boolean {
  const line = paragraph.trim();
  return !(line.length <= 160 && (FURNITURE_LINE.test(line) || COUNT_LINE.test(line)));
}
