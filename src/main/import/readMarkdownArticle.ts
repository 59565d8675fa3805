/**
 * Reads an article out of a Markdown file: its front matter (if any) gives
 * title, author, date, outlet, address and language; `marked` turns the rest
 * into HTML and the HTML reader takes the text from there, so raw HTML inside
 * the Markdown is sanitised the same way (scripts and handlers dropped,
 * nothing run). Without a front-matter title, the title is the first
 * `# heading`, else the text's first sentence.
 */
import { marked } from 'marked';
import { markdownFrontMatter } from '../../shared/formats/articles/markdownFrontMatter';
import { readHtmlArticle, type HtmlReadResult } from './readHtmlArticle';

export function readMarkdownArticle(markdown: string): HtmlReadResult {
  const { body, fields } = markdownFrontMatter(markdown);
  const html = marked.parse(body, { async: false, gfm: true });
  const result = readHtmlArticle(html);
  if (!result.ok) return { ok: false, reason: 'it holds no article text once Markdown, scripts and markup are removed' };
  return { ok: true, draft: { ...result.draft, ...fields } };
}
