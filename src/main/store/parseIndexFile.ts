/**
 * index.json checked as it is read, quickly at 100,000 articles (issue 20):
 * the schema (zod) takes about a second over that many article entries, at
 * every start and every change of the index. Entries that are already
 * exactly in shape (every field there with its type and bounds, no other
 * field, ids valid and unique) are taken as they are, and the schema checks
 * the rest of the file; anything else — a missing field to fill with its
 * default, an unknown field to drop, any fault — goes through the full
 * schema, so the result and every message are the schema's own.
 */
import type { ArticleMeta } from '../../shared/model/model';
import { ARTICLE_ID_MAX, ARTICLE_ID_PATTERN, isReservedId } from '../../shared/model/idFormat';
import { IndexFileSchema, parseStoreFile, type IndexFile } from './storeFileSchemas';

export function parseIndexFile(value: unknown): IndexFile {
  return checkIndexFile(value).index;
}

/**
 * Like parseIndexFile, saying whether every article entry was found exactly
 * in shape (what indexCheckMemo records). `entriesKnownInShape`: these very
 * bytes were found so before (the memo matches), so the entries are not
 * looked at again; the rest of the file is still checked.
 */
export function checkIndexFile(value: unknown, entriesKnownInShape = false): { index: IndexFile; entriesInShape: boolean } {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const articles = (value as { articles?: unknown }).articles;
    if (
      Array.isArray(articles) &&
      articles.length > 0 &&
      (entriesKnownInShape || (articles.every(inShape) && new Set(articles.map((a: ArticleMeta) => a.id)).size === articles.length))
    ) {
      const rest = parseStoreFile(IndexFileSchema, { ...value, articles: [] });
      return { index: { ...rest, articles: articles as ArticleMeta[] }, entriesInShape: true };
    }
  }
  return { index: parseStoreFile(IndexFileSchema, value), entriesInShape: false };
}

const REQUIRED = ['id', 'title', 'date', 'outlet', 'hash', 'length', 'origin', 'author', 'url', 'language', 'note'] as const;
const KNOWN = new Set<string>([...REQUIRED, 'standfirst', 'modified']);

function inShape(entry: unknown): boolean {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return false;
  const a = entry as Record<string, unknown>;
  let fields = 0;
  for (const key in a) {
    if (!KNOWN.has(key) || !Object.hasOwn(a, key)) return false;
    fields++;
  }
  if (fields < REQUIRED.length) return false;
  const id = a.id;
  return (
    typeof id === 'string' &&
    id.length >= 1 &&
    id.length <= ARTICLE_ID_MAX &&
    ARTICLE_ID_PATTERN.test(id) &&
    !isReservedId(id) &&
    typeof a.title === 'string' &&
    nullableString(a.date) &&
    nullableString(a.outlet) &&
    typeof a.hash === 'string' &&
    Number.isInteger(a.length) &&
    (a.length as number) >= 0 &&
    nullableString(a.origin) &&
    nullableString(a.author, 1_000) &&
    nullableString(a.url, 4_000) &&
    nullableString(a.language, 35) &&
    typeof a.note === 'string' &&
    a.note.length <= 100_000 &&
    (!Object.hasOwn(a, 'standfirst') || nullableString(a.standfirst, 2_000)) &&
    (!Object.hasOwn(a, 'modified') || nullableString(a.modified))
  );
}

function nullableString(value: unknown, max = Number.POSITIVE_INFINITY): boolean {
  return value === null || (typeof value === 'string' && value.length <= max);
}
