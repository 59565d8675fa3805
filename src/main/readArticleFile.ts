/**
 * Reads one imported file into article drafts by its kind (plain text,
 * Markdown, HTML, JSON or JSONL batch), after the byte checks every file
 * gets (empty, too large, binary, invalid UTF-8). Reads only; gives the
 * drafts or the one reason the whole file is refused.
 */
import { articleFileKind, unsupportedFileReason } from '../shared/articleImport';
import { emptyDraft, type ArticleDraft } from '../shared/articleDraft';
import { decodeImportBytes } from '../shared/decodeImportBytes';
import { readArticleBatch } from '../shared/readArticleBatch';
import { readHtmlArticle } from './readHtmlArticle';
import { readMarkdownArticle } from './readMarkdownArticle';

export type ArticleFileResult = { ok: true; drafts: ArticleDraft[] } | { ok: false; reason: string };

export function readArticleFile(name: string, bytes: Uint8Array): ArticleFileResult {
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
      const read = kind === 'html' ? readHtmlArticle(source) : readMarkdownArticle(source);
      return read.ok ? { ok: true, drafts: [read.draft] } : read;
    }
    case 'json':
    case 'jsonl':
      return readArticleBatch(source, kind);
  }
}
