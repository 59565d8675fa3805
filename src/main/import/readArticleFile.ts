/**
 * Reads one imported file into article drafts by its kind (plain text,
 * Markdown, HTML, JSON or JSONL batch, PDF, Word .docx, OpenDocument .odt;
 * a Nexis Uni or Factiva export in .docx/.odt/.html/.txt is split into its
 * articles), after the byte checks
 * every file gets (empty, too large, binary, invalid UTF-8; an HTML page is
 * read in the encoding it declares). Reads only; gives the drafts or the one
 * reason the whole file is refused. Markdown and HTML nested too deeply for
 * their parsers are refused before parsing (see nestingDepth). The readers (sanitize-html, Readability,
 * marked, pdf.js, mammoth: a good part of the host's start-up) are loaded
 * when the first such file comes.
 */
import { articleFileKind, tooLargeReason, unsupportedFileReason } from '../../shared/contract/articleImport';
import { emptyDraft, type ArticleDraft } from '../../shared/model/articleDraft';
import { decodeImportBytes } from '../../shared/formats/articles/decodeImportBytes';

export type ArticleFileResult =
  | {
      ok: true;
      drafts: ArticleDraft[];
      /** Whether reading the file again with `wholePage` would give more text. */
      wholePageOffered?: boolean;
      /**
       * Set where the file was read in the import worker (prepareDrafts): each draft's text is already
       * canonical, and this gives, draft by draft, the date its first line carried and the text's hash.
       */
      prepared?: PreparedDraft[];
    }
  | { ok: false; reason: string };

/** What canonicalArticleText and textHash made of a draft's text, off the core's event loop. */
export interface PreparedDraft {
  date: string | null;
  hash: string;
  /** articleTitle of the canonical text (the core's title when the file names none). */
  title: string;
}

export interface ReadArticleFileOptions {
  /** Look at the nesting before parsing and refuse a file nested too deeply (default true; off only to test the worker's limits). */
  checkNesting?: boolean;
  /** Web pages: the whole visible text, not the article found in it. */
  wholePage?: boolean;
}

export async function readArticleFile(name: string, bytes: Uint8Array, options: ReadArticleFileOptions = {}): Promise<ArticleFileResult> {
  const kind = articleFileKind(name);
  if (kind === null) return { ok: false, reason: unsupportedFileReason(name)! };
  if (kind === 'pdf' || kind === 'docx' || kind === 'odt') {
    if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
    const tooLarge = tooLargeReason(bytes.length);
    if (tooLarge) return { ok: false, reason: tooLarge };
    if (kind === 'pdf') {
      const read = await (await import('./documents/readPdfArticle')).readPdfArticle(bytes);
      return read.ok ? { ok: true, drafts: [read.draft] } : read;
    }
    const read = kind === 'docx' ? await (await import('./documents/readDocxText')).readDocxText(bytes) : await (await import('./documents/readOdtText')).readOdtText(bytes);
    if (!read.ok) return read;
    const exported = await newsExportDrafts(read.document.paragraphs);
    if (exported) return { ok: true, drafts: exported };
    const text = read.document.paragraphs.join('\n\n');
    if (text.trim() === '') return { ok: false, reason: 'the document holds no text' };
    const draft = emptyDraft(text);
    draft.title = read.document.title;
    draft.author = read.document.author;
    draft.date = read.document.date;
    draft.modified = read.document.modified;
    return { ok: true, drafts: [draft] };
  }
  if (kind === 'html') {
    const decoded = (await import('./html/decodeHtmlBytes')).decodeHtmlBytes(bytes);
    if (!decoded.ok) return decoded;
    if (decoded.text.trim() === '') return { ok: false, reason: 'it holds only white space, no text' };
    // Its nesting is looked at in the same pass that reads the page (readHtmlArticle's prefilterPage); a news export's
    // text is read by a streaming parser that does not nest.
    if (mayBeNewsExport(decoded.text)) {
      const { htmlToParagraphs } = await import('./html/htmlToParagraphs');
      // Text only (scripts, styles and the head are skipped); nothing is rendered.
      const exported = await newsExportDrafts(htmlToParagraphs(decoded.text));
      if (exported) return { ok: true, drafts: exported };
    }
    const read = (await import('./html/readHtmlArticle')).readHtmlArticle(decoded.text, { wholePage: options.wholePage === true, checkNesting: options.checkNesting !== false });
    return read.ok ? { ok: true, drafts: [read.draft], wholePageOffered: !options.wholePage && !!read.draft.warning && (read.pageChars ?? 0) > read.draft.text.length } : read;
  }
  const decoded = decodeImportBytes(bytes);
  if (!decoded.ok) return decoded;
  const source = decoded.text;
  switch (kind) {
    case 'text': {
      if (source.trim() === '') return { ok: false, reason: 'it holds only white space, no text' };
      const exported = mayBeNewsExport(source) ? await newsExportDrafts(source.split(/\r?\n/)) : null;
      return { ok: true, drafts: exported ?? [emptyDraft(source)] };
    }
    case 'markdown': {
      if (source.trim() === '') return { ok: false, reason: 'it holds only white space, no text' };
      const tooDeep = await nestingProblem('markdown', source, options);
      if (tooDeep) return { ok: false, reason: tooDeep };
      const read = (await import('./readMarkdownArticle')).readMarkdownArticle(source);
      return read.ok ? { ok: true, drafts: [read.draft] } : read;
    }
    case 'json':
    case 'jsonl':
      return (await import('../../shared/formats/articles/readArticleBatch')).readArticleBatch(source, kind);
  }
}

/** Why a Markdown or HTML text is nested too deeply for its parser, or null (see nestingDepth). */
async function nestingProblem(kind: 'html' | 'markdown', source: string, options: ReadArticleFileOptions): Promise<string | null> {
  if (options.checkNesting === false) return null;
  const { htmlNestingProblem, markdownNestingProblem } = await import('./nestingDepth');
  // Markdown passes raw HTML through to the HTML reader: its elements count too.
  return kind === 'html' ? htmlNestingProblem(source) : (markdownNestingProblem(source) ?? htmlNestingProblem(source));
}

/** A cheap look for the marks of a Nexis Uni or Factiva export before splitting one. */
function mayBeNewsExport(text: string): boolean {
  // The literal "HD" looked for first: the pattern around it is tried at every character of a 100 KB page (~0.2 ms).
  return /End of Document/i.test(text) || (text.includes('HD') && /(^|>|\n)\s*HD\b/.test(text) && /(^|>|\n)\s*(TD|LP)\b/.test(text));
}

/** The articles of a Nexis Uni or Factiva export held in these paragraphs, or null when it is not one. */
async function newsExportDrafts(paragraphs: readonly string[]): Promise<ArticleDraft[] | null> {
  const { splitNexisExport } = await import('./newsExports/splitNexisExport');
  const { splitFactivaExport } = await import('./newsExports/splitFactivaExport');
  return splitNexisExport(paragraphs) ?? splitFactivaExport(paragraphs.map((p) => p.trim()).filter((p) => p !== ''));
}
