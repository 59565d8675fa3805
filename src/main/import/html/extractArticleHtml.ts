/**
 * The article out of a saved news page. sanitize-html first removes all that
 * could run or load (scripts, styles, frames, objects, forms, SVG/MathML,
 * event handlers, every URL but http(s) links), and what is never article
 * text (navigation, asides); linkedom builds a DOM of what is left (it runs
 * no script and loads nothing); page furniture is taken out (captions, share
 * bars, newsletter boxes, "read more" and related lists, comments, bylines);
 * Mozilla's Readability finds the article; its HTML becomes paragraphs.
 * Gives the whole page's text beside it, for the plausibility check and for
 * "import the whole page text instead".
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import sanitizeHtml from 'sanitize-html';
import { htmlToParagraphs } from './htmlToParagraphs';

export interface HtmlExtraction {
  /** The article's paragraphs (empty when none was found). */
  paragraphs: string[];
  /**
   * Every paragraph of the page's visible text (its header, footer and navigation left out). Made when first
   * asked for (another pass over the page): only a short article, a page without one, or "the whole page
   * text" needs it.
   */
  pageParagraphs: () => string[];
}

/** Containers of text that is never the article's, dropped with what they hold. */
const NON_TEXT = [
  'script', 'style', 'noscript', 'template', 'textarea', 'select', 'option', 'button', 'form', 'nav', 'aside',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'canvas', 'video', 'audio',
  'head', 'title', 'xmp', 'plaintext', 'noembed', 'noframes', 'dialog', 'figcaption', 'menu', 'input', 'label',
];

/** What sanitize-html keeps of a page (exported for the bench's cost per stage). */
export const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'html', 'body', 'article', 'main', 'section', 'header', 'footer', 'div', 'span', 'p', 'br', 'hr', 'a', 'b', 'i',
    'em', 'strong', 'u', 's', 'small', 'sub', 'sup', 'mark', 'q', 'cite', 'abbr', 'time', 'code', 'pre', 'kbd',
    'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody',
    'tfoot', 'tr', 'td', 'th', 'caption', 'figure', 'img', 'picture', 'address', 'center', 'font', 'details', 'summary',
    'del', 'ins', 'wbr',
  ],
  // Readability scores elements by their class, id and role; links count for link density. No event handler, no style.
  allowedAttributes: {
    '*': ['class', 'id', 'role', 'itemprop', 'itemtype', 'hidden', 'aria-hidden', 'lang'],
    a: ['href', 'rel'],
    time: ['datetime'],
  },
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: true,
  disallowedTagsMode: 'discard',
  nonTextTags: NON_TEXT,
  allowVulnerableTags: false,
  parser: { lowerCaseTags: true, lowerCaseAttributeNames: true },
};

/** Class or id words of page furniture. */
const FURNITURE =
  /(^|[\s_-])(share|sharing|social|newsletter|subscribe|subscription|signup|related|read-?more|more-?stories|recommended|recirculation|outbrain|taboola|comments?|disqus|byline|bylines|author-?bio|caption|credits?|promo|advert|advertisement|ad-?slot|ad-?container|dfp|sponsored|breadcrumbs?|paywall|cookie|consent|toolbar|tags|tag-?list|topics|inline-?related|most-?popular|trending|video-?(asset|player|transcript|wrapper|module)|transcript)([\s_-]|$)/i;
/** Class or id words of readers' comments. */
const COMMENTS = /(^|[\s_-])(comments?|disqus|comment-?list|talk)([\s_-]|$)/i;
/** Class or id words that mark the article body: never taken out even when a furniture word is there too. */
const BODY = /(^|[\s_-])(article-?body|story-?body|post-?body|entry-?content|article-?content|story-?content|body-?text|articletext|main-?content)([\s_-]|$)/i;

export function extractArticleHtml(html: string): HtmlExtraction {
  const clean = sanitizeHtml(html, SANITIZE_OPTIONS);
  let page: string[] | null = null;
  const pageParagraphs = (): string[] => (page ??= htmlToParagraphs(clean, { skipChrome: true }));
  const { document } = parseHTML(/<html[\s>]/i.test(clean) ? clean : `<!doctype html><html><body>${clean}</body></html>`);
  if (!document.documentElement || !document.body) return { paragraphs: [], pageParagraphs };
  removeFurniture(document as unknown as { body: DomElement });
  const article = new Readability(document as unknown as Document, {
    charThreshold: 400,
    keepClasses: false,
    disableJSONLD: true,
  }).parse();
  const paragraphs = article?.content ? htmlToParagraphs(article.content).filter(keptParagraph) : [];
  return { paragraphs, pageParagraphs };
}

/** What of linkedom's elements the clean-up uses (the Node core is compiled without the DOM's types). */
interface DomElement {
  getAttribute(name: string): string | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): Iterable<DomElement> & ArrayLike<DomElement>;
  readonly textContent: string | null;
  readonly parentNode: unknown;
  contains(other: DomElement): boolean;
  remove(): void;
}

/** Elements whose class or id names page furniture, unless they hold the story itself (its body, headline or article element). */
function removeFurniture(document: { body: DomElement }): void {
  const matches: DomElement[] = [];
  const bodies: DomElement[] = [];
  for (const el of Array.from(document.body.querySelectorAll('[class],[id]'))) {
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (BODY.test(words)) bodies.push(el);
    else if (FURNITURE.test(words)) matches.push(el);
  }
  if (matches.length === 0) return;
  const bodyChars = document.body.textContent?.length ?? 0;
  for (const el of matches) {
    if (!el.parentNode) continue;
    if (bodies.some((b) => el.contains(b)) || el.querySelector('article, main, h1, [itemprop="articleBody"]')) continue;
    if ((el.textContent?.length ?? 0) > bodyChars * 0.6) continue;
    // A box named "read-more" or "related" that holds several long paragraphs is the story itself ("read more" on a paywall);
    // a comment section is never the story however long.
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!COMMENTS.test(words) && Array.from(el.querySelectorAll('p')).filter((p) => (p.textContent?.length ?? 0) > 80).length >= 3) continue;
    el.remove();
  }
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
