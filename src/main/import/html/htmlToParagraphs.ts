/**
 * The text of an HTML fragment as paragraphs: every block (paragraph,
 * heading, list item, block quote, table row…) is one paragraph, paragraphs
 * are separated by a blank line, `<br>` is a line break, white space of the
 * source collapses, `<pre>` keeps its lines. Text only: nothing is rendered
 * or run (htmlparser2 reads the markup as data).
 */
import { Parser } from 'htmlparser2';

/** Elements that start and end a paragraph of the text. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'table',
  'tbody', 'thead', 'tfoot', 'tr', 'ul', 'body', 'center', 'details', 'summary', 'nav', 'form', 'fieldset', 'legend',
]);
/** Cells: a space between them, a row is a paragraph. */
export const CELL_TAGS = new Set(['td', 'th']);
/** Elements never read as text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math', 'textarea', 'select', 'button', 'iframe', 'object']);

export interface ParagraphOptions {
  /** Leave out the page's own header, footer and navigation outside `<article>` and `<main>` (for a whole page). */
  skipChrome?: boolean;
}

/** Paragraphs of text, built as the walk goes (visiblePageParagraphs builds the whole page's with it too). */
export class TextCollector {
  readonly paragraphs: string[] = [];
  private current = '';

  add(text: string, preformatted: boolean): void {
    if (preformatted) {
      this.current += text;
      return;
    }
    const collapsed = text.replace(/[ \t\n\r\f]+/g, ' ');
    // White space runs across inline elements ("Text <img> here") collapse as well.
    this.current += collapsed.startsWith(' ') && /[ \n]$/.test(this.current) ? collapsed.slice(1) : collapsed;
  }

  /** A space unless there is one already (between table cells). */
  separate(): void {
    if (!/[ \n]$/.test(this.current)) this.current += ' ';
  }

  lineBreak(): void {
    this.current += '\n';
  }

  blockBreak(): void {
    const paragraph = this.current
      .split('\n')
      .map((line) => line.replace(/^[ \t\r\f]+|[ \t\r\f]+$/g, ''))
      .join('\n')
      .replace(/^\n+|\n+$/g, '')
      .replace(/\n{2,}/g, '\n');
    if (/\S/.test(paragraph)) this.paragraphs.push(paragraph);
    this.current = '';
  }
}

/** What a walk over markup tells the paragraph builder: elements opened and closed (lower-case names), text. */
interface ParagraphEvents {
  open(name: string): void;
  text(text: string): void;
  close(name: string): void;
  /** The paragraphs, once the walk is over. */
  end(): string[];
}

function paragraphBuilder(options: ParagraphOptions): ParagraphEvents {
  const out = new TextCollector();
  let skipDepth = 0;
  let preDepth = 0;
  let chromeDepth = 0;
  let contentDepth = 0;
  const quiet = (): boolean => skipDepth > 0 || (chromeDepth > 0 && contentDepth === 0);
  return {
    open(name) {
      if (SKIPPED.has(name)) skipDepth++;
      if (options.skipChrome) {
        if (name === 'article' || name === 'main') contentDepth++;
        else if ((name === 'header' || name === 'footer' || name === 'nav') && contentDepth === 0) chromeDepth++;
      }
      if (name === 'pre') preDepth++;
      if (BLOCK_TAGS.has(name)) out.blockBreak();
      else if (name === 'br') out.lineBreak();
      else if (CELL_TAGS.has(name)) out.separate();
    },
    text(text) {
      if (!quiet()) out.add(text, preDepth > 0);
    },
    close(name) {
      if (BLOCK_TAGS.has(name)) out.blockBreak();
      else if (CELL_TAGS.has(name)) out.separate();
      if (SKIPPED.has(name) && skipDepth > 0) skipDepth--;
      if (name === 'pre' && preDepth > 0) preDepth--;
      if (options.skipChrome) {
        if ((name === 'article' || name === 'main') && contentDepth > 0) contentDepth--;
        else if ((name === 'header' || name === 'footer' || name === 'nav') && chromeDepth > 0 && contentDepth === 0) chromeDepth--;
      }
    },
    end() {
      out.blockBreak();
      return out.paragraphs;
    },
  };
}

export function htmlToParagraphs(html: string, options: ParagraphOptions = {}): string[] {
  const events = paragraphBuilder(options);
  const parser = new Parser(
    { onopentag: (name) => events.open(name), ontext: (text) => events.text(text), onclosetag: (name) => events.close(name) },
    { lowerCaseTags: true, decodeEntities: true },
  );
  parser.end(html);
  return events.end();
}

/** The parts of a DOM node the walk reads (linkedom's nodes, or a browser's). */
export interface ParagraphNode {
  nodeType: number;
  /** Lower-case for HTML elements. */
  localName?: string | null;
  /** A text node's text (entities already decoded). */
  nodeValue: string | null;
  firstChild: ParagraphNode | null;
  nextSibling: ParagraphNode | null;
}

export interface ElementParagraphOptions {
  /** Elements written as they are; any other element gives only what it holds (its tag is dropped). Default: all. */
  keptTags?: ReadonlySet<string>;
  /** Elements left out with all they hold. */
  skippedTags?: ReadonlySet<string>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/**
 * The text of a DOM element's content as paragraphs, as htmlToParagraphs gives it for the element's markup —
 * without writing the markup and reading it again. With `keptTags` and `skippedTags` it gives what
 * htmlToParagraphs gives for the markup that sanitize-html keeps with those allowed tags and non-text tags
 * (disallowed tags discarded, their text kept): the walk itself is the allow-list, and only text comes out.
 */
export function elementToParagraphs(element: ParagraphNode, options: ElementParagraphOptions = {}): string[] {
  const events = paragraphBuilder({});
  const walk = (parent: ParagraphNode): void => {
    for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
      if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
        if (node.nodeValue) events.text(node.nodeValue);
      } else if (node.nodeType === ELEMENT_NODE) {
        const name = (node.localName ?? '').toLowerCase();
        if (options.skippedTags?.has(name)) continue;
        const kept = options.keptTags === undefined || options.keptTags.has(name);
        if (kept) events.open(name);
        walk(node);
        if (kept) events.close(name);
      }
    }
  };
  walk(element);
  return events.end();
}
