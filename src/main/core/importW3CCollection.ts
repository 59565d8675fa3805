/**
 * importW3C: reads the collection (readW3CCollection; not a collection →
 * invalid_input, nothing changes), plans the whole import against the
 * library as it is (planW3CImport; the texts of the whole library are read
 * only when some item names no article the library has and must be found by
 * its quote), checks the plan against the store's own schemas (a dry run
 * returns its report here, nothing written), and only then
 * writes: tags created on request, the new annotations, one save per
 * article, then the groups and links in one save of links.json. Items that
 * cannot be imported are reported one by one; the others are imported.
 *
 * The host hands a large body to importW3CBytes instead: the whole plan is
 * made in the import worker from the body's bytes, and only written here.
 *
 * Looking for the quotes of items that name no article in every text of the
 * library is the long part (30,000 such items against a library holding a
 * 12 MB text: minutes): it is done in the import worker (findQuotes), or
 * without one a slice of items at a time, other calls answered between
 * slices; an import whose search takes longer than
 * IMPORT_TIME_LIMIT_MS is refused whole ("took longer than 20 s"), changing
 * nothing.
 */
import { ApiError } from '../../shared/contract/apiError';
import type { ImportReport } from '../../shared/crossArticle/crossArticle';
import { formatZodIssues } from '../../shared/contract/formatZodIssues';
import { namedArticle } from '../../shared/formats/w3c/resolveArticle';
import { findQuoteInLibrary, type LibraryQuoteMatch } from '../../shared/formats/w3c/findQuoteInLibrary';
import type { TaggingItem } from '../../shared/formats/w3c/readW3CCollection';
import { IMPORT_TIME_LIMIT_MS, type QuoteSearchRequest, type QuoteSearchResult } from '../import/createArticleFileReader';
import type { Annotation } from '../../shared/model/model';
import type { JsonPurpose } from '../import/readJsonPayload';
import { existingColumns, PlanSchema, type W3CAnswer, type W3CLibraryView, type W3CPlanResult, type W3CQuestion } from '../import/planW3CImportFromBytes';
import { planW3CImport, type ImportPlan, type W3CImportOptions } from '../../shared/formats/w3c/planW3CImport';
import { readW3CCollectionInSlices } from '../../shared/formats/w3c/readW3CCollection';
import type { CoreContext } from './coreContext';


/** Looks for quotes in the library's texts off the core's event loop (the import worker's findQuotes). */
export type FindQuotes = (search: QuoteSearchRequest) => Promise<QuoteSearchResult>;

export async function importW3CCollection(
  ctx: CoreContext,
  collection: unknown,
  options: W3CImportOptions = {},
  dryRun = false,
  /** Without it the quotes are looked for here, a slice of items at a time. */
  findQuotes?: FindQuotes,
): Promise<ImportReport> {
  const items = await readW3CCollectionInSlices(collection, () => new Promise((resolve) => setImmediate(resolve)), SLICE_MS);
  const articles = ctx.store.articles();
  const texts = new Map<string, string>();
  /** Items whose article must be found by their quote in every text of the library. */
  const searched: TaggingItem[] = [];
  let sliceStart = performance.now();
  for (const item of items.tagging) {
    const id = namedArticle(item, articles)?.articleId ?? null;
    if (id !== null && !texts.has(id)) texts.set(id, await ctx.store.text(id));
    if (id === null && item.exact) searched.push(item);
    // 30,000 items: other calls are answered between slices.
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  let libraryTexts: Map<string, string> | null = null;
  if (searched.length > 0) {
    libraryTexts = new Map();
    for (const article of articles) libraryTexts.set(article.id, texts.get(article.id) ?? (await ctx.store.text(article.id)));
  }
  const quoteMatches = libraryTexts
    ? findQuotes
      ? await searchLibraryElsewhere(searched, libraryTexts, findQuotes)
      : await searchLibrary(searched, libraryTexts)
    : undefined;
  const existing = new Map<string, readonly Annotation[]>();
  for (const article of articles) existing.set(article.id, await ctx.store.annotations(article.id));
  const { groups, sourceLinks } = await ctx.links.read();

  const plan = planW3CImport({
    items,
    articles,
    texts,
    libraryTexts,
    quoteMatches,
    options,
    codebook: ctx.store.codebook(),
    existing,
    groups,
    sourceLinks,
    creator: ctx.creator(),
    now: ctx.now().toISOString(),
    newId: () => ctx.newId(),
  });
  checkPlan(plan);
  if (dryRun) return plan.report;
  await commitPlan(ctx, plan);
  return plan.report;
}

/** Plans the import in the import worker from the collection's bytes (planW3CImportFromBytes). */
export type PlanW3CElsewhere = (
  bytes: Uint8Array,
  purpose: JsonPurpose,
  library: W3CLibraryView,
  answer: (question: W3CQuestion) => Promise<W3CAnswer>,
  options?: W3CImportOptions,
) => Promise<W3CPlanResult>;

/** importW3CBytes was given a Triangulate project file, not W3C annotations: nothing was changed (import it as a project). */
export class ProjectFileGivenError extends ApiError {
  constructor(message: string) {
    super('invalid_input', message);
  }
}

/** importW3CBytes could not read the annotation file at all (`reason`: why, as the end of a sentence); nothing was changed. */
export class AnnotationFileUnreadableError extends ApiError {
  constructor(readonly reason: string) {
    super('invalid_input', `This annotation file cannot be read: ${reason}. Nothing was changed.`);
  }
}

/**
 * importW3C from the bytes of its request body (`{ collection, options, dryRun }`) or of an annotation file,
 * planned whole in the import worker: this thread sends what the plan needs of the library (compactly),
 * answers the worker's questions (the texts it needs, new ids), and writes the plan it gets back. The
 * collection itself is never held here. Refusals are the same as importW3C's (and the host's, for a body
 * it could not read); a file over the worker's limits (time, memory) is refused whole, nothing changed.
 */
export async function importW3CBytes(
  ctx: CoreContext,
  bytes: Uint8Array,
  purpose: JsonPurpose,
  planElsewhere: PlanW3CElsewhere,
  /** An annotation file's options (a body carries its own). */
  options?: W3CImportOptions,
): Promise<ImportReport> {
  const articles = ctx.store.articles();
  const existing: (readonly Annotation[])[] = [];
  for (const article of articles) existing.push(await ctx.store.annotations(article.id));
  const { groups, sourceLinks } = await ctx.links.read();
  const library: W3CLibraryView = {
    articles: articles.map((a) => ({ id: a.id, hash: a.hash, ...(a.url ? { url: a.url } : {}), ...(a.origin ? { origin: a.origin } : {}) })),
    codebook: [...ctx.store.codebook()],
    groups: [...groups],
    sourceLinks: [...sourceLinks],
    existing: existingColumns(existing),
    creator: ctx.creator(),
    now: ctx.now().toISOString(),
  };
  const planned = await planElsewhere(bytes, purpose, library, async (question) => {
    if ('newIds' in question) return { newIds: Array.from({ length: question.newIds }, () => ctx.newId()) };
    const texts: [string, string][] = [];
    for (const id of question.texts) texts.push([id, await ctx.store.text(id)]);
    return { texts };
  }, options);
  if (!planned.ok) {
    if (planned.project) throw new ProjectFileGivenError(planned.reason);
    if (planned.unreadable) throw new AnnotationFileUnreadableError(planned.reason);
    const tooLong = /took longer than (\d+) s/.exec(planned.reason);
    if (tooLong) {
      throw new ApiError(
        'invalid_input',
        `This annotation file took longer than ${tooLong[1]} s to import (the limit for one file). Nothing was changed; import it into a smaller library, or give its annotations their articles' addresses.`,
      );
    }
    // The worker's own refusals are whole messages; a limit it hit is said as the end of a sentence.
    if (planned.code) throw new ApiError(planned.code, planned.reason);
    throw new ApiError('invalid_input', `This annotation file could not be imported: ${planned.reason}. Nothing was changed.`);
  }
  const { plan, dryRun } = planned.value;
  if (dryRun) return plan.report;
  await commitPlan(ctx, plan);
  return plan.report;
}

/** Writes a checked plan: tags created on request, the new annotations (one save per article), then the groups and links in one save. */
async function commitPlan(ctx: CoreContext, plan: ImportPlan): Promise<void> {
  if (plan.newTags.length > 0) {
    await ctx.store.updateIndex((current) => {
      const added = plan.newTags.filter((t) => !current.codebook.some((c) => c.id === t.id));
      return { index: { ...current, codebook: [...current.codebook, ...added] }, result: undefined };
    });
  }
  const byArticle = new Map<string, Annotation[]>();
  for (const a of plan.annotations) byArticle.set(a.articleId, [...(byArticle.get(a.articleId) ?? []), a]);
  for (const [articleId, added] of byArticle) {
    await ctx.store.updateAnnotations(articleId, (current) => ({ annotations: [...current, ...added], result: undefined }));
  }
  if (plan.groups.length > 0 || plan.sourceLinks.length > 0) {
    await ctx.links.update((current) => ({
      groups: [...current.groups, ...plan.groups],
      sourceLinks: [...current.sourceLinks, ...plan.sourceLinks],
      result: undefined,
    }));
  }
}

/** A plan the store would refuse to read back is a bug: stop before writing it. */
function checkPlan(plan: ImportPlan): void {
  const result = PlanSchema.safeParse(plan);
  if (!result.success) throw new ApiError('internal', `The import could not be prepared: ${formatZodIssues(result.error)}. Nothing was changed.`);
}

/** Time the event loop is held by one slice of the library search. */
const SLICE_MS = 20;

/** findQuoteInLibrary for each item in the import worker (its time limit is the import's); refused past it. */
async function searchLibraryElsewhere(items: readonly TaggingItem[], texts: ReadonlyMap<string, string>, findQuotes: FindQuotes) {
  const found = await findQuotes({ texts: [...texts], quotes: items.map((item) => ({ exact: item.exact!, prefix: item.prefix, suffix: item.suffix })) });
  if (!found.ok) {
    if (/took longer than/.test(found.reason)) throw tookTooLong(items.length, IMPORT_TIME_LIMIT_MS);
    throw new ApiError('invalid_input', `This annotation file could not be imported: its quotes could not be looked for in the library (${found.reason}). Nothing was changed.`);
  }
  return new Map(items.map((item, i) => [item, found.value[i]!] as const));
}

function tookTooLong(count: number, timeLimitMs: number): ApiError {
  return new ApiError(
    'invalid_input',
    `This annotation file took longer than ${Math.round(timeLimitMs / 1000)} s to import (the limit for one file): ${count} of its annotations name no article of the library, and their quotes were looked for in every text. Nothing was changed; import it into a smaller library, or give its annotations their articles' addresses.`,
  );
}

/** findQuoteInLibrary for each item, a slice at a time; refused past the time limit. */
async function searchLibrary(items: readonly TaggingItem[], texts: ReadonlyMap<string, string>, timeLimitMs = IMPORT_TIME_LIMIT_MS) {
  const matches = new Map<TaggingItem, LibraryQuoteMatch>();
  const started = performance.now();
  let sliceStart = started;
  for (const item of items) {
    if (!item.exact) continue;
    matches.set(item, findQuoteInLibrary(texts, { exact: item.exact, prefix: item.prefix, suffix: item.suffix }));
    const now = performance.now();
    if (now - sliceStart < SLICE_MS) continue;
    if (now - started > timeLimitMs) throw tookTooLong(items.length, timeLimitMs);
    await new Promise((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  }
  return matches;
}
