/**
 * The YAML front matter many Markdown articles start with (`---`, simple
 * `key: value` lines, `---`): split off the body, with the article fields it
 * names (title, author, date, outlet/publisher/source, url/link, language/lang).
 * Only flat `key: value` lines are read; anything else in it is ignored.
 */
import { cleanLine, isoDate, languageTag, webUrl, type ArticleDraft } from '../../model/articleDraft';

export type FrontMatterFields = Pick<ArticleDraft, 'title' | 'author' | 'date' | 'outlet' | 'url' | 'language'>;

const BLOCK = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const LINE = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/;

export function markdownFrontMatter(markdown: string): { body: string; fields: Partial<FrontMatterFields> } {
  const source = markdown.replace(/^\uFEFF/, '');
  const block = BLOCK.exec(source);
  if (!block) return { body: markdown, fields: {} };
  const values = new Map<string, string>();
  for (const line of block[1]!.split(/\r?\n/)) {
    const m = LINE.exec(line);
    if (m && !values.has(m[1]!.toLowerCase())) values.set(m[1]!.toLowerCase(), unquote(m[2]!));
  }
  const first = (...keys: string[]) => keys.map((k) => values.get(k)).find((v) => v !== undefined && v !== '') ?? null;
  const fields: Partial<FrontMatterFields> = {};
  const title = cleanLine(first('title'), 1_000);
  if (title) fields.title = title;
  const author = cleanLine(first('author', 'authors', 'byline'), 1_000);
  if (author) fields.author = author;
  const date = isoDate(first('date', 'published', 'pubdate'));
  if (date) fields.date = date;
  const outlet = cleanLine(first('outlet', 'publisher', 'source', 'site'), 500);
  if (outlet) fields.outlet = outlet;
  const url = webUrl(first('url', 'link', 'canonical'));
  if (url) fields.url = url;
  const language = languageTag(first('language', 'lang'));
  if (language) fields.language = language;
  return { body: source.slice(block[0].length), fields };
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) return v.slice(1, -1);
  return v;
}
