/**
 * One pass over a saved page's markup (htmlparser2, which reads it as data:
 * nothing runs or loads) that does what used to take three: it reads the
 * page's metadata (readPageMetadata's callbacks), and it writes a much
 * smaller page for the DOM and Readability — only elements that can hold
 * article text, with only the attributes Readability looks at. Left out
 * with all they hold: scripts, styles, SVG/MathML, frames, forms, media,
 * navigation, asides, captions, comments of the markup, the `<head>`, and
 * elements marked hidden, images (Readability drops them: they have no source
 * here). Other unknown elements (custom elements, `<o:p>`)
 * give their text but not their tag; plain inline elements without
 * attributes (`<span>`, `<b>`…) give only their text. Page furniture —
 * elements whose class or id names a share bar, newsletter box, "related"
 * list, comment section, byline, caption… — is taken out of the article
 * page with the same rules the DOM clean-up used (never when it holds the
 * story's body, headline or article element, more than 60 % of the page's
 * text, or three long paragraphs outside a comment section); the whole
 * page (for its visible text) keeps it. A page whose elements nest deeper
 * than MAX_HTML_NESTING is refused in the same pass (see nestingDepth).
 */
import { Parser } from 'htmlparser2';
import { HtmlDepth, MAX_HTML_NESTING } from '../nestingDepth';
import { METADATA_PARSER_OPTIONS, pageMetadataReader, type PageMetadata } from './readPageMetadata';

export interface PrefilteredPage {
  /** Why the page is refused: it nests deeper than the limit (see nestingDepth); the rest is then empty. */
  tooDeep: string | null;
  metadata: PageMetadata;
  /** A small HTML document of the page's text elements, page furniture taken out: what Readability reads. */
  articleHtml: string;
}

/** Elements kept with their tag (and the attributes below). */
const KEPT = new Set([
  'article', 'main', 'section', 'header', 'footer', 'div', 'span', 'p', 'br', 'hr', 'a', 'b', 'i', 'em', 'strong', 'u', 's',
  'small', 'sub', 'sup', 'mark', 'q', 'cite', 'abbr', 'time', 'code', 'pre', 'kbd', 'blockquote', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'figure',
  'img', 'picture', 'address', 'center', 'font', 'details', 'summary', 'del', 'ins',
]);

/** Containers of what is never article text, left out with all they hold. */
export const NON_TEXT = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'select', 'option', 'button', 'form', 'nav', 'aside',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'canvas', 'video', 'audio',
  'head', 'title', 'xmp', 'plaintext', 'noembed', 'noframes', 'dialog', 'figcaption', 'menu', 'input', 'label',
]);

/** Inline elements that, without attributes, give Readability nothing but their text. */
const PLAIN_INLINE = new Set(['span', 'font', 'b', 'i', 'em', 'strong', 'u', 's', 'small', 'mark', 'abbr', 'cite']);

const VOID = new Set(['br', 'hr', 'img']);

/** Attributes kept on every element: Readability scores elements by class, id and role. */
const ATTRIBUTES = ['class', 'id', 'role', 'itemprop'];

/** Elements around which white space is not text (a block's edges): white space alone there is left out. */
const BLOCKS = new Set([
  'article', 'main', 'section', 'header', 'footer', 'div', 'p', 'br', 'hr', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'figure', 'picture',
  'address', 'center', 'details', 'summary', 'pre', 'body', 'html',
]);

/** Class or id words of page furniture. */
const FURNITURE =
  /(^|[\s_-])(share|sharing|social|newsletter|subscribe|subscription|signup|related|read-?more|more-?stories|recommended|recirculation|outbrain|taboola|comments?|disqus|byline|bylines|author-?bio|caption|credits?|promo|advert|advertisement|ad-?slot|ad-?container|dfp|sponsored|breadcrumbs?|paywall|cookie|consent|toolbar|tags|tag-?list|topics|inline-?related|most-?popular|trending|video-?(asset|player|transcript|wrapper|module)|transcript)([\s_-]|$)/i;
/** Class or id words of readers' comments. */
const COMMENTS = /(^|[\s_-])(comments?|disqus|comment-?list|talk)([\s_-]|$)/i;
/** Class or id words that mark the article body: never taken out even when a furniture word is there too. */
const BODY = /(^|[\s_-])(article-?body|story-?body|post-?body|entry-?content|article-?content|story-?content|body-?text|articletext|main-?content)([\s_-]|$)/i;

/** An element of page furniture, and what it holds (to decide at the end whether it goes). */
interface Furniture {
  /** Its first and one-past-last piece of the output. */
  start: number;
  end: number;
  comments: boolean;
  /** Counts when it opened; the same counts when it closed, minus these, are what it holds. */
  chars: number;
  longParagraphs: number;
  storyMarks: number;
}

interface Frame {
  /** The tag written for it, or null when only its content is. */
  tag: string | null;
  dropped: boolean;
  furniture: Furniture | null;
  /** A paragraph: the text count when it opened. */
  paragraphFrom: number;
  /** <html> or <body>. */
  pageRoot?: boolean;
}

/** `maxNesting`: elements nested deeper are refused (null: no limit, only to test the import worker's own limits). */
export function prefilterPage(html: string, maxNesting: number | null = MAX_HTML_NESTING): PrefilteredPage {
  const metadata = pageMetadataReader();
  const depth = maxNesting === null ? null : new HtmlDepth(maxNesting);
  let tooDeep = false;
  const pieces: string[] = [];
  const stack: Frame[] = [];
  const furniture: Furniture[] = [];
  let dropDepth = 0;
  let chars = 0;
  let longParagraphs = 0;
  /** Elements that are (or hold) the story: a body-named element, article, main, h1, itemprop=articleBody. */
  let storyMarks = 0;
  /** Text not yet written (white space alone at a block's edge is left out; runs of white space become one space). */
  let text = '';
  let preDepth = 0;
  /** Whether the last thing written was a block's edge. */
  let atBlockEdge = true;
  const flush = (blockEdge: boolean): void => {
    if (text !== '') {
      if (preDepth > 0) {
        chars += text.length;
        pieces.push(escapeText(text));
      }
      else if (!((blockEdge || atBlockEdge) && !/[^ \t\n\r\f]/.test(text))) {
        const collapsed = text.replace(/[ \t\n\r\f]+/g, ' ');
        chars += collapsed.length;
        pieces.push(escapeText(collapsed));
        atBlockEdge = false;
      }
      text = '';
    }
    if (blockEdge) atBlockEdge = true;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (depth?.open(name)) {
          tooDeep = true;
          parser.pause();
          return;
        }
        metadata.handler.onopentag(name, attribs);
        if (dropDepth === 0) flush(BLOCKS.has(name));
        // A form right inside the body wraps the whole page (ASP.NET Web Forms): only its controls go.
        const pageForm = name === 'form' && (stack.length === 0 || stack[stack.length - 1]!.pageRoot === true);
        if (
          dropDepth > 0 ||
          (NON_TEXT.has(name) && !pageForm) ||
          'hidden' in attribs ||
          (attribs['aria-hidden'] === 'true' && !/fallback-image/.test(attribs.class ?? '')) ||
          (name === 'img' && !keptImage(attribs))
        ) {
          dropDepth++;
          stack.push({ tag: null, dropped: true, furniture: null, paragraphFrom: -1 });
          return;
        }
        if (!KEPT.has(name)) {
          stack.push({ tag: null, dropped: false, furniture: null, paragraphFrom: -1, pageRoot: name === 'html' || name === 'body' });
          return;
        }
        let attributes = '';
        for (const key of ATTRIBUTES) {
          const value = attribs[key];
          if (value !== undefined && value !== '') attributes += ` ${key}="${escapeAttribute(value)}"`;
        }
        if (name === 'a') {
          if (attribs.href) attributes += ` href="${escapeAttribute(attribs.href)}"`;
          if (attribs.rel) attributes += ` rel="${escapeAttribute(attribs.rel)}"`;
        } else if (name === 'time' && attribs.datetime) attributes += ` datetime="${escapeAttribute(attribs.datetime)}"`;
        if (attributes === '' && PLAIN_INLINE.has(name)) {
          stack.push({ tag: null, dropped: false, furniture: null, paragraphFrom: -1 });
          return;
        }
        const words = attribs.class || attribs.id ? `${attribs.class ?? ''} ${attribs.id ?? ''}` : '';
        const isBody = words !== '' && BODY.test(words);
        // An element counts what it holds, not itself: an <article class="related"> may still go.
        if (isBody || name === 'article' || name === 'main' || name === 'h1' || attribs.itemprop === 'articleBody') storyMarks++;
        let piece: Furniture | null = null;
        if (!isBody && words !== '' && FURNITURE.test(words)) {
          piece = { start: pieces.length, end: -1, comments: COMMENTS.test(words), chars, longParagraphs, storyMarks };
          furniture.push(piece);
        }
        if (name === 'pre') preDepth++;
        pieces.push(`<${name}${attributes}>`);
        stack.push({ tag: VOID.has(name) ? null : name, dropped: false, furniture: piece, paragraphFrom: name === 'p' ? chars : -1 });
      },
      ontext(data) {
        metadata.handler.ontext(data);
        if (dropDepth === 0) text += data;
      },
      onclosetag(name, isImplied) {
        depth?.close(name, isImplied);
        metadata.handler.onclosetag(name);
        const frame = stack.pop();
        if (!frame) return;
        if (frame.dropped) {
          dropDepth--;
          return;
        }
        flush(BLOCKS.has(name));
        if (name === 'pre' && preDepth > 0) preDepth--;
        if (frame.tag !== null) pieces.push(`</${frame.tag}>`);
        if (frame.paragraphFrom >= 0 && chars - frame.paragraphFrom > 80) longParagraphs++;
        if (frame.furniture) {
          const f = frame.furniture;
          f.end = pieces.length;
          f.chars = chars - f.chars;
          f.longParagraphs = longParagraphs - f.longParagraphs;
          f.storyMarks = storyMarks - f.storyMarks;
        }
      },
    },
    { ...METADATA_PARSER_OPTIONS, recognizeSelfClosing: true },
  );
  // Fed in pieces, so that a page nested too deeply is refused soon after its first element too deep.
  for (let i = 0; i < html.length && !tooDeep; i += 64 * 1024) parser.write(html.slice(i, i + 64 * 1024));
  if (tooDeep) return { tooDeep: depth!.problem(), metadata: metadata.result(), articleHtml: '' };
  parser.end();
  flush(true);

  // Furniture goes in the order of the page; what sits inside furniture already gone is gone with it.
  const removed: [number, number][] = [];
  let removedUntil = 0;
  for (const f of furniture) {
    if (f.start < removedUntil || f.end < 0) continue;
    if (f.storyMarks > 0 || f.chars > chars * 0.6) continue;
    // A box named "read-more" or "related" that holds several long paragraphs is the story itself ("read more" on a paywall);
    // a comment section is never the story however long.
    if (!f.comments && f.longParagraphs >= 3) continue;
    removed.push([f.start, f.end]);
    removedUntil = f.end;
  }
  let article = '';
  let at = 0;
  for (const [start, end] of removed) {
    article += pieces.slice(at, start).join('');
    at = end;
  }
  article += pieces.slice(at).join('');
  return {
    tooDeep: null,
    metadata: metadata.result(),
    articleHtml: documentOf(article),
  };
}

/**
 * Whether an image is written for Readability: only when an attribute kept (class, id, role, itemprop) names an
 * image file. Readability removes every other image first (its _unwrapNoscriptImages: an image with no source
 * attribute is a placeholder), and the page never gives it a source attribute: so it need not see them, nor look
 * for them (see skipWorkDoneBefore).
 */
function keptImage(attribs: Record<string, string>): boolean {
  return ATTRIBUTES.some((key) => IMAGE_FILE.test(attribs[key] ?? ''));
}

/** Readability's own test of an attribute's value for an image file. */
const IMAGE_FILE = /\.(jpg|jpeg|png|webp)/i;

function documentOf(body: string): string {
  return `<!doctype html><html><body>${body}</body></html>`;
}

function escapeText(text: string): string {
  return /[&<>]/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text;
}

function escapeAttribute(value: string): string {
  return /[&"]/.test(value) ? value.replace(/&/g, '&amp;').replace(/"/g, '&quot;') : value;
}
