/**
 * Reads Triangulate's article batch files: JSON (an array of article
 * objects, or one) and JSONL (one object a line), each object
 * `{ "title", "outlet", "author", "date", "url", "language", "text" }`
 * (only `text` required; an `id` may be asked for). A file with any bad item
 * is refused as a whole, naming the items and what is wrong with them, so a
 * file imports completely or not at all.
 */
import { ArticleIdSchema } from '../../model/model';
import { cleanLine, emptyDraft, isoDate, languageTag, webUrl, type ArticleDraft } from '../../model/articleDraft';
import { isCutShort, jsonSyntaxProblem } from '../jsonSyntaxProblem';

export type BatchResult = { ok: true; drafts: ArticleDraft[] } | { ok: false; reason: string };

const FIELDS = ['title', 'outlet', 'author', 'date', 'url', 'language', 'text', 'id'] as const;
const SHAPE = 'an array of { "title", "outlet", "author", "date", "url", "language", "text" } objects, or one such object';
/** How a JSON file holding one article object names it. */
const LONE = 'the article';
/** Problems named in one message; the rest are counted. */
const SHOWN = 3;

export function readArticleBatch(source: string, kind: 'json' | 'jsonl'): BatchResult {
  const items = kind === 'json' ? jsonItems(source) : jsonlItems(source);
  if (!items.ok) return items;
  if (items.values.length === 0) return { ok: false, reason: 'it holds no articles (the batch is empty)' };
  const problems: string[] = [];
  const drafts: ArticleDraft[] = [];
  const idsSeen = new Map<string, string>();
  items.values.forEach(({ value, label }) => {
    const item = readItem(value);
    if (typeof item === 'string') {
      problems.push(`${label}: ${item}`);
      return;
    }
    if (item.id !== null) {
      const first = idsSeen.get(item.id);
      if (first) problems.push(`${label}: id "${item.id}" is used twice (also by ${first})`);
      else idsSeen.set(item.id, label);
    }
    item.where = label === LONE ? null : label;
    drafts.push(item);
  });
  if (problems.length > 0) {
    const more = problems.length > SHOWN ? `; and ${problems.length - SHOWN} more` : '';
    return { ok: false, reason: `${problems.slice(0, SHOWN).join('; ')}${more} (nothing from this file was imported)` };
  }
  return { ok: true, drafts };
}

type Items = { ok: true; values: { value: unknown; label: string }[] } | { ok: false; reason: string };

function jsonItems(source: string): Items {
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    return { ok: false, reason: jsonProblem(source, error) };
  }
  if (Array.isArray(parsed)) return { ok: true, values: parsed.map((value, i) => ({ value, label: `item ${i + 1}` })) };
  // A lone object is one article: the report names the file alone.
  if (isRecord(parsed) && 'text' in parsed) return { ok: true, values: [{ value: parsed, label: LONE }] };
  return { ok: false, reason: notOurs(parsed) };
}

function jsonlItems(source: string): Items {
  const values: { value: unknown; label: string }[] = [];
  const lines = source.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    try {
      values.push({ value: JSON.parse(line), label: `line ${i + 1}` });
    } catch (error) {
      return { ok: false, reason: `line ${i + 1} ${jsonProblem(line, error).replace(/^it /, '')}` };
    }
  }
  return { ok: true, values };
}

/** Why JSON.parse refused the text, telling a cut-off file from a damaged one. */
function jsonProblem(source: string, error: unknown): string {
  const detail = jsonSyntaxProblem(source, error);
  if (isCutShort(source, error)) {
    return `it is not complete JSON: it ends part way (truncated?) (${detail})`;
  }
  return `it is not valid JSON (${detail})`;
}

function notOurs(value: unknown): string {
  if (isRecord(value)) {
    if (value.type === 'AnnotationCollection' || '@context' in value) {
      return `it is W3C Web Annotation JSON, not articles: import it with Import annotations… (npm run cli -- import-annotations); articles need ${SHAPE}`;
    }
    if (value.format === 'triangulate-project' || ('articles' in value && 'schemaVersion' in value)) {
      return `it is a Triangulate project file, not an article batch: import it with Import annotations… (npm run cli -- import-annotations); articles need ${SHAPE}`;
    }
    return `it is JSON but not an article batch: it has no "text" field; expected ${SHAPE}`;
  }
  return `it is JSON but not an article batch (it is ${typeName(value)}); expected ${SHAPE}`;
}

/** The draft an item describes, or what is wrong with it. */
function readItem(value: unknown): ArticleDraft | string {
  if (!isRecord(value)) return `is ${typeName(value)}, not an article object`;
  const unknown = Object.keys(value).filter((key) => !(FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) {
    return `unknown field${unknown.length === 1 ? '' : 's'} ${unknown.map((k) => `"${k}"`).join(', ')} (an article has ${FIELDS.slice(0, 7).join(', ')} and optionally id)`;
  }
  for (const field of FIELDS) {
    const v = value[field];
    if (v !== undefined && v !== null && typeof v !== 'string') return `"${field}" must be a string, not ${typeName(v)}`;
  }
  const text = value.text as string | null | undefined;
  if (text == null) return '"text" is missing';
  if (text.trim() === '') return '"text" is empty';
  const draft = emptyDraft(text);
  draft.title = cleanLine(value.title as string | undefined, 1_000);
  draft.outlet = cleanLine(value.outlet as string | undefined, 500);
  draft.author = cleanLine(value.author as string | undefined, 1_000);
  const date = value.date as string | null | undefined;
  if (date != null && date.trim() !== '') {
    draft.date = isoDate(date);
    if (!draft.date) return `"date" must be a day as YYYY-MM-DD (or an ISO timestamp), not "${clip(date)}"`;
  }
  const url = value.url as string | null | undefined;
  if (url != null && url.trim() !== '') {
    draft.url = webUrl(url);
    if (!draft.url) return `"url" must be an http:// or https:// address, not "${clip(url)}"`;
  }
  const language = value.language as string | null | undefined;
  if (language != null && language.trim() !== '') {
    draft.language = languageTag(language);
    if (!draft.language) return `"language" must be a language tag such as en or de-CH, not "${clip(language)}"`;
  }
  const id = value.id as string | null | undefined;
  if (id != null) {
    if (!ArticleIdSchema.safeParse(id).success) return `"id" must be letters, digits, "_", "-" and "." (at most 200), not "${clip(id)}"`;
    draft.id = id;
  }
  return draft;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

function clip(value: string): string {
  return value.length <= 40 ? value : `${value.slice(0, 39)}…`;
}
