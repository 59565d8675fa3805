/**
 * A whole W3C annotation import planned where the collection's bytes are
 * read (the import worker), so that the core's thread never holds the
 * collection: the bytes (a request body `{ collection, options, dryRun }`,
 * or an annotation file) are parsed and checked (readJsonPayload; a body
 * against the importW3C call's schema), the items read (readW3CCollection),
 * their articles found by id, address (normalizeUrl), file name or hash,
 * the texts they need asked for (`ask`), the quotes of items naming no
 * article looked for in every text at once (findQuotesInLibrary), and the
 * plan made and checked against the store's schemas (planW3CImport). The
 * core gets the plan — the annotations to add and the report — and writes it
 * (importW3CCollection's commit).
 *
 * What the plan needs of the library comes with the request, compactly
 * (W3CLibraryView: the existing annotations as columns, not objects); the
 * texts and new ids are asked for once the items are read (W3CQuestion).
 */
import { z } from 'zod';
import { ApiError } from '../../shared/contract/apiError';
import { contract } from '../../shared/contract/contract';
import { formatZodIssues } from '../../shared/contract/formatZodIssues';
import { GroupSchema, SourceLinkSchema, type Group, type SourceLink } from '../../shared/crossArticle/crossArticle';
import { findQuotesInLibrary } from '../../shared/formats/w3c/findQuotesInLibrary';
import type { LibraryQuoteMatch } from '../../shared/formats/w3c/findQuoteInLibrary';
import { planW3CImport, type ImportPlan, type W3CImportOptions } from '../../shared/formats/w3c/planW3CImport';
import { readW3CCollection, type TaggingItem } from '../../shared/formats/w3c/readW3CCollection';
import { namedArticle, type LibraryArticle } from '../../shared/formats/w3c/resolveArticle';
import { AnnotationSchema, TagSchema, type Annotation, type Tag } from '../../shared/model/model';
import { isProjectFile } from '../../shared/formats/project/projectFile';
import { readJsonPayload, type JsonPurpose } from './readJsonPayload';

/** The library as the plan needs it. The existing annotations come as columns (one array per field), not 100,000 objects. */
export interface W3CLibraryView {
  articles: LibraryArticle[];
  codebook: Tag[];
  groups: Group[];
  sourceLinks: SourceLink[];
  existing: ExistingAnnotationColumns;
  creator: string;
  now: string;
}

/** What the import needs to know of each stored annotation (same article, tag, range and creator: a duplicate; ids taken). */
export interface ExistingAnnotationColumns {
  id: string[];
  articleId: string[];
  tagId: string[];
  start: number[];
  end: number[];
  creator: string[];
}

/** What the worker asks the core once the items are read: these articles' texts; then, once their articles are known, at most this many new ids. */
export type W3CQuestion = { texts: string[] } | { newIds: number };

export type W3CAnswer = { texts: [articleId: string, text: string][] } | { newIds: string[] };

export type W3CAsk = (question: W3CQuestion) => Promise<W3CAnswer>;

/**
 * The plan, or the call's refusal: with a code, its whole message as the core throws it; without one (a
 * limit of the worker, a parser out of stack), why, as the end of a sentence.
 */
export type W3CPlanResult =
  | { ok: true; value: { plan: ImportPlan; dryRun: boolean } }
  /**
   * `project`: the annotation file is a Triangulate project file (importProject reads those), nothing planned;
   * `unreadable`: the annotation file could not be read at all (not JSON, binary, …), the reason the end of a sentence.
   */
  | { ok: false; reason: string; code?: 'invalid_input' | 'internal'; project?: true; unreadable?: true };

export const PlanSchema = z.object({
  newTags: z.array(TagSchema),
  annotations: z.array(AnnotationSchema),
  groups: z.array(GroupSchema),
  sourceLinks: z.array(SourceLinkSchema),
});

export function existingColumns(lists: Iterable<readonly Annotation[]>): ExistingAnnotationColumns {
  const columns: ExistingAnnotationColumns = { id: [], articleId: [], tagId: [], start: [], end: [], creator: [] };
  for (const list of lists) {
    for (const a of list) {
      columns.id.push(a.id);
      columns.articleId.push(a.articleId);
      columns.tagId.push(a.tagId);
      columns.start.push(a.start);
      columns.end.push(a.end);
      columns.creator.push(a.creator);
    }
  }
  return columns;
}

export async function planW3CImportFromBytes(
  bytes: Uint8Array,
  purpose: JsonPurpose,
  memoryLimitMb: number,
  library: W3CLibraryView,
  ask: W3CAsk,
  /** An annotation file's options (the CLI's --map-tag, --create-tags, --untagged-as); a body carries its own. */
  fileOptions: W3CImportOptions = {},
): Promise<W3CPlanResult> {
  const read = readJsonPayload(bytes, purpose, memoryLimitMb);
  if (!read.ok) {
    // The words the host uses for a body it could not read, or the CLI's for a file.
    if (purpose === 'annotationFile') return { ok: false, code: 'invalid_input', unreadable: true, reason: read.reason };
    const reason = read.reason.startsWith('The request body') ? read.reason : `The request body was refused: ${read.reason}.`;
    return { ok: false, code: 'invalid_input', reason };
  }
  let collection: unknown = read.value;
  let options: W3CImportOptions = fileOptions;
  let dryRun = false;
  if (purpose === 'annotationFile' && isProjectFile(read.value)) {
    return { ok: false, code: 'invalid_input', project: true, reason: 'This is a Triangulate project file, not W3C annotations: import it as a project. Nothing was changed.' };
  }
  if (purpose === 'body') {
    const input = contract.importW3C.input.safeParse(read.value === undefined ? {} : read.value);
    if (!input.success) return { ok: false, code: 'invalid_input', reason: `Invalid input for importW3C: ${formatZodIssues(input.error)}` };
    ({ collection } = input.data);
    options = input.data.options ?? {};
    dryRun = input.data.dryRun === true;
  }
  let items;
  try {
    items = readW3CCollection(collection);
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, code: 'invalid_input', reason: error.message };
    throw error;
  }
  collection = null;

  // The articles the items name, and the items whose article must be found by their quote in every text.
  const named = new Set<string>();
  const searched: TaggingItem[] = [];
  for (const item of items.tagging) {
    const id = namedArticle(item, library.articles)?.articleId ?? null;
    if (id !== null) named.add(id);
    else if (item.exact) searched.push(item);
  }
  const textAnswer = await ask({ texts: searched.length > 0 ? library.articles.map((a) => a.id) : [...named] });
  const allTexts = new Map('texts' in textAnswer ? textAnswer.texts : []);
  const texts = new Map([...named].map((id) => [id, allTexts.get(id)!] as const));
  let quoteMatches: Map<TaggingItem, LibraryQuoteMatch> | undefined;
  if (searched.length > 0) {
    const found = findQuotesInLibrary(allTexts, searched.map((item) => ({ exact: item.exact!, prefix: item.prefix, suffix: item.suffix })));
    quoteMatches = new Map(searched.map((item, i) => [item, found[i]!] as const));
  }

  // New ids (the core makes them): one per tag of an item whose article is known, one per group or link.
  const placed = items.tagging.filter((item) => !quoteMatches?.has(item) || 'found' in quoteMatches.get(item)!);
  const idAnswer = await ask({ newIds: placed.reduce((sum, item) => sum + Math.max(1, item.tagNames.length), 0) + items.linking.length });
  const newIds = 'newIds' in idAnswer ? idAnswer.newIds : [];

  const existing = new Map<string, Annotation[]>();
  const { id, articleId, tagId, start, end, creator } = library.existing;
  for (let i = 0; i < id.length; i++) {
    // Only these fields are looked at (ids taken, duplicates, the tags of links' ends).
    const a = { id: id[i]!, articleId: articleId[i]!, tagId: tagId[i]!, start: start[i]!, end: end[i]!, creator: creator[i]! } as Annotation;
    const list = existing.get(a.articleId);
    if (list) list.push(a);
    else existing.set(a.articleId, [a]);
  }
  let nextId = 0;
  const plan = planW3CImport({
    items,
    articles: library.articles,
    texts,
    libraryTexts: searched.length > 0 ? allTexts : null,
    quoteMatches,
    options,
    codebook: library.codebook,
    existing,
    groups: library.groups,
    sourceLinks: library.sourceLinks,
    creator: library.creator,
    now: library.now,
    newId: () => {
      const next = newIds[nextId++];
      if (next === undefined) throw new Error('the import needed more new ids than it asked for');
      return next;
    },
  });
  // A plan the store would refuse to read back is a bug: stop before the core writes it.
  const checked = PlanSchema.safeParse(plan);
  if (!checked.success) return { ok: false, code: 'internal', reason: `The import could not be prepared: ${formatZodIssues(checked.error)}. Nothing was changed.` };
  return { ok: true, value: { plan, dryRun } };
}
