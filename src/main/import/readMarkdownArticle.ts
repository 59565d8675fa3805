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
import { readHtmlArticle, type HtmlReadResult } from './html/readHtmlArticle';

export function readMarkdownArticle(markdown: string): HtmlReadResult {
  const { body, fields } = markdownFrontMatter(markdown);
  const html = marked.parse(body, { async: false, gfm: true });
  // A Markdown file is the article itself: all of its text is kept.
  const result = readHtmlArticle(html, { wholePage: true });
  if (!result.ok) return { ok: false, reason: 'it holds no article text once Markdown, scripts and markup are removed' };
  // Markdown is read whole: no standfirst, change date or short-article warning come from the page reader.
  const { standfirst: _standfirst, modified: _modified, warning: _warning, ...draft } = result.draft;
  return { ok: true, draft: { ...draft, ...fields } };
}
