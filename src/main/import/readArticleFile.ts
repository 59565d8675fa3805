/**
 * Reads one imported file into article drafts by its kind (plain text,
 * Markdown, HTML, JSON or JSONL batch), after the byte checks every file
 * gets (empty, too large, binary, invalid UTF-8). Reads only; gives the
 * drafts or the one reason the whole file is refused. Markdown and HTML
 * nested too deeply for their parsers are refused before parsing (see
 * nestingDepth). The HTML and Markdown
 * readers (sanitize-html, marked: a sixth of the host's start-up) are loaded
 * when the first such file comes.
 */
import { articleFileKind, unsupportedFileReason } from '../../shared/contract/articleImport';
import { emptyDraft, type ArticleDraft } from '../../shared/model/articleDraft';
import { decodeImportBytes } from '../../shared/formats/articles/decodeImportBytes';
import { readArticleBatch } from '../../shared/formats/articles/readArticleBatch';

export type ArticleFileResult = { ok: true; drafts: ArticleDraft[] } | { ok: false; reason: string };

export interface ReadArticleFileOptions {
  /** Look at the nesting before parsing and refuse a file nested too deeply (default true; off only to test the worker's limits). */
  checkNesting?: boolean;
}

export async function readArticleFile(name: string, bytes: Uint8Array, options: ReadArticleFileOptions = {}): Promise<ArticleFileResult> {
  const kind = articleFileKind(name);
  if (kind === null) return { ok: false, reason: unsupportedFileReason(name)! };
  const decoded = decodeImportBytes(bytes);
  if (!decoded.ok) return decoded;
  const source = decoded.text;
  switch (kind) {
    case 'text':
      return source.trim() === '' ? { ok: false, reason: 'it holds only white space, no text' } : { ok: true, drafts: [emptyDraft(source)] };
    case 'markdown':
    case 'html': {
      if (source.trim() === '') return { ok: false, reason: 'it holds only white space, no text' };
      if (options.checkNesting !== false) {
        const { htmlNestingProblem, markdownNestingProblem } = await import('./nestingDepth');
        const tooDeep = kind === 'html' ? htmlNestingProblem(source) : markdownNestingProblem(source);
        if (tooDeep) return { ok: false, reason: tooDeep };
      }
      const read =
        kind === 'html'
          ? (await import('./readHtmlArticle')).readHtmlArticle(source)
          : (await import('./readMarkdownArticle')).readMarkdownArticle(source);
      return read.ok ? { ok: true, drafts: [read.draft] } : read;
    }
    case 'json':
    case 'jsonl':
      return readArticleBatch(source, kind);
  }
}
