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
 * Looking for the quotes of items that name no article in every text of the
 * library is the long part (30,000 such items against a library holding a
 * 12 MB text: minutes): it is done in the import worker (findQuotes), or
 * without one a slice of items at a time, other calls answered between
 * slices; an import whose search takes longer than
 * IMPORT_TIME_LIMIT_MS is refused whole ("took longer than 20 s"), changing
 * nothing.
 */
import { z } from 'zod';
import { ApiError } from '../../shared/contract/apiError';
import { GroupSchema, SourceLinkSchema, type ImportReport } from '../../shared/crossArticle/crossArticle';
import { formatZodIssues } from '../../shared/contract/formatZodIssues';
import { namedArticle } from '../../shared/formats/w3c/resolveArticle';
import { findQuoteInLibrary, type LibraryQuoteMatch } from '../../shared/formats/w3c/findQuoteInLibrary';
import type { TaggingItem } from '../../shared/formats/w3c/readW3CCollection';
import { IMPORT_TIME_LIMIT_MS, type QuoteSearchRequest, type QuoteSearchResult } from '../import/createArticleFileReader';
import { AnnotationSchema, TagSchema, type Annotation } from '../../shared/model/model';
import { planW3CImport, type ImportPlan, type W3CImportOptions } from '../../shared/formats/w3c/planW3CImport';
import { readW3CCollectionInSlices } from '../../shared/formats/w3c/readW3CCollection';
import type { CoreContext } from './coreContext';

const PlanSchema = z.object({
  newTags: z.array(TagSchema),
  annotations: z.array(AnnotationSchema),
  groups: z.array(GroupSchema),
  sourceLinks: z.array(SourceLinkSchema),
});

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
  return plan.report;
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
