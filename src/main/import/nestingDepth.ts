/**
 * Cheap looks at how deeply an imported file nests, before any parser sees
 * it: the Markdown parser's time and memory grow far faster than the file
 * with the nesting of lists and block quotes (1 MB of 1,000 nested list
 * levels: 16 s; 4 MB: the stack overflows), and HTML sanitising slows with
 * the square of the element depth. Real articles nest a handful of levels;
 * a file past MAX_NESTING is refused, naming the line.
 *
 * Both scans over-estimate rather than miss: Markdown depth is counted per
 * line from the indentation (two columns a level, a tab four), the list
 * markers and the ">" at its start; HTML depth from the start and end tags,
 * leaving out elements that never nest (void elements) or whose end tag may
 * be left out (p, li, td…: the parser closes them itself).
 */
import { Parser } from 'htmlparser2';

/** Deepest nesting read: lists, quotes and elements. */
export const MAX_NESTING = 100;

/** HTML elements nest deeper than Markdown in ordinary pages (layout divs): their own bound. */
export const MAX_HTML_NESTING = 400;

const LIST_OR_QUOTE = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*/;

/** The reason a Markdown text is refused for its nesting, or null. */
export function markdownNestingProblem(source: string, max = MAX_NESTING): string | null {
  let lineStart = 0;
  let lineNumber = 1;
  while (lineStart <= source.length) {
    let end = source.indexOf('\n', lineStart);
    if (end === -1) end = source.length;
    let at = lineStart;
    let columns = 0;
    while (at < end && (source[at] === ' ' || source[at] === '\t')) {
      columns += source[at] === '\t' ? 4 : 1;
      at++;
    }
    // Markers and ">" one after another on the same line each open a level ("- - - x", "> > > x");
    // the indentation before them counts only on a line that has one (a deeply indented code line nests nothing).
    let markers = 0;
    for (;;) {
      const match = LIST_OR_QUOTE.exec(source.slice(at, Math.min(end, at + 16)));
      if (!match || match[0].length === 0) break;
      markers++;
      at += match[0].length;
      if (markers > max) break;
    }
    if (markers > 0 && Math.floor(columns / 2) + markers > max) return tooDeep(max, `line ${lineNumber}`);
    lineStart = end + 1;
    lineNumber++;
  }
  return null;
}

/** Elements that are never open: no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command']);
/** Elements whose end tag may be left out: the parser closes them when the next one starts. */
const SELF_CLOSING_OPTIONAL = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rt', 'rp', 'html', 'head', 'body']);

/** Element depth counted tag by tag, as a parser's callbacks see them (shared by the pre-scan and prefilterPage's one pass). */
export class HtmlDepth {
  private depth = 0;
  constructor(readonly max = MAX_HTML_NESTING) {}

  /** Whether this start tag goes deeper than `max`. */
  open(name: string): boolean {
    if (VOID.has(name) || SELF_CLOSING_OPTIONAL.has(name)) return false;
    return ++this.depth > this.max;
  }

  close(name: string, isImplied: boolean): void {
    if (VOID.has(name) || SELF_CLOSING_OPTIONAL.has(name)) return;
    if (!isImplied || this.depth > 0) this.depth = Math.max(0, this.depth - 1);
  }

  /** Why the text is refused. */
  problem(): string {
    return tooDeep(this.max, `element ${this.max + 1}`);
  }
}

/** The reason an HTML text is refused for its element depth, or null. Stops at the first element too deep. */
export function htmlNestingProblem(source: string, max = MAX_HTML_NESTING): string | null {
  const depth = new HtmlDepth(max);
  let deepest = false;
  const parser = new Parser(
    {
      onopentag(name) {
        if (depth.open(name)) {
          deepest = true;
          parser.pause();
        }
      },
      onclosetag(name, isImplied) {
        depth.close(name, isImplied);
      },
    },
    { lowerCaseTags: true, recognizeSelfClosing: true },
  );
  // Fed in pieces, so the scan stops soon after the first element too deep.
  for (let i = 0; i < source.length && !deepest; i += 64 * 1024) parser.write(source.slice(i, i + 64 * 1024));
  if (!deepest) parser.end();
  return deepest ? depth.problem() : null;
}

function tooDeep(max: number, where: string): string {
  return `it is too deeply nested: more than ${max} levels of lists, quotes or elements (at ${where}); articles nest a few levels, so nothing was read`;
}
