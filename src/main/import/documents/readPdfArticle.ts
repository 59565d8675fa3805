/**
 * The text of a PDF article with pdf.js (the legacy build: plain JavaScript,
 * no native code; it evaluates nothing from the file and loads no fonts).
 * Lines are rebuilt from the text layer in reading order; lines join into
 * paragraphs across line and page breaks (a paragraph ends at a wider gap, a
 * short last line or an indent), a word hyphenated at a line end is joined
 * again, and running headers and footers (the same line at the top or bottom
 * of most pages) and page numbers are dropped. A PDF without a text layer
 * (a scan) is refused: there is no OCR. Title, author and date come from the
 * document's information dictionary.
 */
import { emptyDraft, cleanLine, type ArticleDraft } from '../../../shared/model/articleDraft';

export type PdfReadResult = { ok: true; draft: ArticleDraft } | { ok: false; reason: string };

interface Line {
  text: string;
  x: number;
  y: number;
  /** Right end of the line. */
  right: number;
  size: number;
}

/** Fewer characters than this per page on average: no text layer worth the name (a scan). */
const MIN_CHARS_PER_PAGE = 20;

export async function readPdfArticle(bytes: Uint8Array): Promise<PdfReadResult> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pdf: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    pdf = await pdfjs.getDocument({
      // pdf.js takes the buffer over: give it a copy.
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    }).promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') return { ok: false, reason: 'the PDF is password-protected; remove the password and import it again' };
    return { ok: false, reason: `it is not a readable PDF (damaged, or not a PDF at all: ${error instanceof Error ? error.message : String(error)})` };
  }
  try {
    const pages: Line[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(linesOf(content.items as TextItem[]));
      page.cleanup();
    }
    const chars = pages.flat().reduce((sum, line) => sum + line.text.replace(/\s/g, '').length, 0);
    if (chars < MIN_CHARS_PER_PAGE * pdf.numPages) {
      return {
        ok: false,
        reason: `it has no text layer (${pdf.numPages === 1 ? 'its page is' : `its ${pdf.numPages} pages are`} images, a scan?); Triangulate does not read text from images (no OCR): run it through OCR first`,
      };
    }
    const text = paragraphsOf(dropRunningLines(pages)).join('\n\n');
    const draft = emptyDraft(text);
    const { info } = (await pdf.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
    draft.title = cleanLine(typeof info.Title === 'string' ? info.Title : null, 1_000);
    draft.author = cleanLine(typeof info.Author === 'string' ? info.Author : null, 1_000);
    draft.date = pdfDate(info.CreationDate);
    draft.modified = pdfDate(info.ModDate);
    return { ok: true, draft };
  } catch (error) {
    return { ok: false, reason: `its text could not be read (the PDF is damaged: ${error instanceof Error ? error.message : String(error)})` };
  }
} 

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/** The page's text items as lines, in the order the page draws them. */
function linesOf(items: readonly TextItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    if (item.str === undefined) continue;
    const [, , , d = 0, x = 0, y = 0] = item.transform;
    const size = Math.abs(d) || item.height || 10;
    if (item.str === '') {
      if (item.hasEOL) current = null;
      continue;
    }
    if (current && Math.abs(current.y - y) <= size * 0.4) {
      const gap = x - current.right;
      current.text += gap > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str) ? ` ${item.str}` : item.str;
      current.right = Math.max(current.right, x + item.width);
    } else {
      current = { text: item.str, x, y, right: x + item.width, size };
      lines.push(current);
    }
    if (item.hasEOL) current = null;
  }
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text !== '');
}

const PAGE_NUMBER = /^(?:page|seite|página|pagina|p\.)?\s*[-–—]?\s*\d{1,4}\s*(?:(?:of|\/|von|de|di)\s*\d{1,4})?\s*[-–—]?$/i;

/** Lines at the top or bottom of a page that repeat on most pages (digits aside), and page numbers: dropped. */
function dropRunningLines(pages: readonly Line[][]): Line[][] {
  const edge = (lines: readonly Line[]): Line[] => {
    const byY = [...lines].sort((a, b) => b.y - a.y);
    return [...byY.slice(0, 2), ...byY.slice(-2)];
  };
  const key = (text: string): string => text.toLowerCase().replace(/\d+/g, '#');
  const seen = new Map<string, number>();
  for (const lines of pages) for (const k of new Set(edge(lines).map((l) => key(l.text)))) seen.set(k, (seen.get(k) ?? 0) + 1);
  const running = new Set([...seen].filter(([, n]) => pages.length >= 2 && n >= Math.max(2, pages.length * 0.5)).map(([k]) => k));
  return pages.map((lines) => {
    const edges = new Set(edge(lines));
    return lines.filter((l) => !(edges.has(l) && (running.has(key(l.text)) || PAGE_NUMBER.test(l.text))));
  });
}

/** Lines joined into paragraphs, across pages. */
function paragraphsOf(pages: readonly Line[][]): string[] {
  const paragraphs: string[] = [];
  // The pieces of the paragraph being built (joined once at its end: paragraphs can be long).
  let current: string[] = [];
  let open = false;
  const end = (): void => {
    if (current.length > 0) paragraphs.push(current.join(''));
    current = [];
  };
  for (const lines of pages) {
    if (lines.length === 0) continue;
    const left = Math.min(...lines.map((l) => l.x));
    const right = Math.max(...lines.map((l) => l.right));
    const spacing = typicalSpacing(lines);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const prev = i > 0 ? lines[i - 1]! : null;
      let breakBefore = !open;
      if (prev) {
        const gap = prev.y - line.y;
        const widerGap = gap > spacing * 1.4 || gap < 0;
        const indented = line.x - left > line.size * 1.2 && prev.x - left <= line.size * 0.5;
        const shortPrev = right - prev.right > prev.size * 4 && /[.!?:"”»’)]$/.test(prev.text);
        const sizeChange = Math.abs(line.size - prev.size) > 0.5;
        breakBefore ||= widerGap || indented || shortPrev || sizeChange;
      }
      if (breakBefore) end();
      if (current.length === 0) current.push(line.text);
      else {
        const last = current.length - 1;
        const joined = joinLines(current[last]!, line.text);
        current[last] = joined.before;
        current.push(joined.after);
      }
      open = true;
    }
    // A paragraph goes on over the page break unless the page's last line ends one.
    const last = lines[lines.length - 1]!;
    open = !(right - last.right > last.size * 4 && /[.!?:"”»’)]$/.test(last.text));
  }
  end();
  return paragraphs;
}

/** "hyphen-" + "ated" is "hyphenated"; "well-" + "Known" or "2019-" + "20" keep the hyphen; else a space. */
function joinLines(before: string, after: string): { before: string; after: string } {
  if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(after)) return { before: before.slice(0, -1), after };
  if (before.endsWith('-')) return { before, after };
  return { before, after: ` ${after}` };
}

/** The usual distance between two lines of the page (the median of the positive gaps). */
function typicalSpacing(lines: readonly Line[]): number {
  const gaps = lines
    .slice(1)
    .map((l, i) => lines[i]!.y - l.y)
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  if (gaps.length === 0) return (lines[0]?.size ?? 10) * 1.2;
  return gaps[Math.floor(gaps.length / 2)]!;
}

/** `D:20240305120000+01'00'` as `2024-03-05`. */
function pdfDate(value: unknown): string | null {
  const m = typeof value === 'string' ? /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value) : null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
