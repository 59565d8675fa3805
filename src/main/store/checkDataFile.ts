/**
 * Whether one file of a data folder is good: the same checks the store makes
 * when it reads the file (valid JSON, the file's schema, not from a newer
 * version, and for texts and annotations the ties to index.json), done on
 * the file's bytes. Used by rolling backups (only good files are copied), by
 * `recover` (which files need restoring) and by the kill loop.
 *
 * `relPath` is the file's path inside the data folder with "/" separators:
 * index.json, links.json, entities.json, texts/<id>.json, texts/<id>@v<n>.json, annotations/<id>.json. Any other
 * JSON file only has to be valid JSON.
 */
import { jsonSyntaxProblem } from '../../shared/formats/jsonSyntaxProblem';
import { ArticleIdSchema, currentVersion, type ArticleMeta } from '../../shared/model/model';
import {
  AnnotationFileSchema,
  EntitiesFileSchema,
  LinksFileSchema,
  TextFileSchema,
  parseStoreFile,
  type IndexFile,
} from './storeFileSchemas';
import { annotationFileProblem } from './annotationFileProblem';
import { parseIndexFile as parseIndexValue } from './parseIndexFile';
import { textHash } from './textHash';

/**
 * What is wrong with the file, as the end of a sentence "<file> …", or null
 * when it is good. `index` is the folder's index.json when that is good
 * (null otherwise: then texts and annotations get only their own checks).
 */
export function checkDataFile(relPath: string, raw: string, index: IndexFile | null): string | null {
  return checkDataFileAgainst(relPath, raw, entryOfDataFile(relPath, index)).problem;
}

/** What checkDataFileAgainst makes of a file: its problem, or null and the value read. */
export type DataFileCheck = { problem: string; value?: undefined } | { problem: null; value: unknown };

/**
 * checkDataFile against one index entry (the article the file belongs to, if index.json lists it):
 * all a text or annotation file is checked against, so the check can run where the index is not (the
 * import worker, for a large file). The value read comes back with a good file's verdict.
 */
export function checkDataFileAgainst(relPath: string, raw: string, entry: CheckedAgainst): DataFileCheck {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { problem: `is not valid JSON (${jsonSyntaxProblem(raw, error)})` };
  }
  try {
    return { problem: null, value: checkValue(relPath, value, entry) };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * What a text or annotation file is checked against: its article's entry in index.json, or (the store,
 * reading one version's text) just the hash that text must have; undefined: nothing of index.json.
 */
export type CheckedAgainst = ArticleMeta | { expectedTextHash: string } | undefined;

const TEXT_OR_ANNOTATION_FILE = /^(texts|annotations)\/(.+?)(?:@v([1-9][0-9]*))?\.json$/;

/** The entry of index.json a text or annotation file is checked against (undefined: none, or another kind of file). */
export function entryOfDataFile(relPath: string, index: IndexFile | null): ArticleMeta | undefined {
  const id = TEXT_OR_ANNOTATION_FILE.exec(relPath)?.[2];
  return id !== undefined && index && ArticleIdSchema.safeParse(id).success ? entriesById(index).get(id) : undefined;
}

/** index.json parsed and checked; null when it is not good. */
export function parseIndexFile(raw: string): IndexFile | null {
  try {
    return parseIndexValue(JSON.parse(raw));
  } catch {
    return null;
  }
}

const byIdCache = new WeakMap<IndexFile, Map<string, ArticleMeta>>();

/** The index's entries by id, made once per index (a backup checks 200,000 files against one index). */
function entriesById(index: IndexFile): Map<string, ArticleMeta> {
  let byId = byIdCache.get(index);
  if (!byId) {
    byId = new Map(index.articles.map((a) => [a.id, a]));
    byIdCache.set(index, byId);
  }
  return byId;
}

/** The value, as its schema reads it (a text file: the TextFile); throws what is wrong with it. */
function checkValue(relPath: string, value: unknown, against: CheckedAgainst): unknown {
  if (relPath === 'index.json') {
    parseIndexValue(value); // the schema's check, quick for entries already in shape
    return value;
  }
  if (relPath === 'links.json') {
    parseStoreFile(LinksFileSchema, value);
    return value;
  }
  if (relPath === 'entities.json') {
    parseStoreFile(EntitiesFileSchema, value);
    return value;
  }
  const match = TEXT_OR_ANNOTATION_FILE.exec(relPath);
  if (!match) return value;
  const [, folder, id, versionDigits] = match as unknown as [string, 'texts' | 'annotations', string, string | undefined];
  // The entry's id is the file's (entryOfDataFile): one of another article is not this file's.
  const meta = against && 'id' in against && against.id === id ? against : undefined;
  const expectedTextHash = against && 'expectedTextHash' in against ? against.expectedTextHash : undefined;
  if (folder === 'texts') {
    const file = parseStoreFile(TextFileSchema, value);
    if (file.id !== id) throw new Error(`holds the text of "${file.id}", not of "${id}"`);
    const version = versionDigits === undefined ? 1 : Number(versionDigits);
    // The hash of that version: the current one's in the entry, older ones' in its version list.
    const hash = expectedTextHash ?? (meta && (version === currentVersion(meta) ? meta.hash : meta.versions?.[version - 1]?.hash));
    if (hash && textHash(file.text) !== hash) throw new Error('does not match the hash recorded in index.json');
    return file;
  }
  if (versionDigits !== undefined) return value;
  const file = parseStoreFile(AnnotationFileSchema, value);
  if (file.articleId !== id) throw new Error(`holds the annotations of "${file.articleId}", not of "${id}"`);
  if (meta) {
    const problem = annotationFileProblem(file, meta);
    if (problem) throw new Error(problem);
    return value;
  }
  for (const a of [...file.annotations, ...file.unanchored]) {
    if (a.articleId !== id) throw new Error(`holds annotation ${a.id} of another article ("${a.articleId}")`);
    if (a.start >= a.end) throw new Error(`holds annotation ${a.id} at ${a.start}–${a.end}, an empty range`);
  }
  return value;
}
