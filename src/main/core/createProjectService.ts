/**
 * exportProject and importProject: the whole library as one `project` file
 * (projectFile.ts), and such a file merged into the library; and exportCsv,
 * the annotation table built from the same reading of the folder. The import
 * reads the file and plans the whole merge first (planProjectImport); a file
 * it refuses changes nothing. Then it writes: new tags, new articles (texts
 * first, index last), each article's annotation file once, links.json once.
 */
import type { EntityService } from './createEntityService';
import { annotationCsvHeader, annotationCsvRows, annotationRawColumns, BYTE_ORDER_MARK, csvRecords, groupLabelsByAnnotation } from '../../shared/formats/csv/annotationCsv';
import { ApiError } from '../../shared/contract/apiError';
import type { Input, Output } from '../../shared/contract/contract';
import type { Annotation } from '../../shared/model/model';
import { planProjectImport, projectArticleIds, readProjectFile } from '../../shared/formats/project/planProjectImport';
import type { ProjectFile, ProjectImportReport } from '../../shared/formats/project/projectFile';
import { inExportOrder } from '../../shared/formats/w3c/w3cExport';
import type { CoreContext } from './coreContext';
import { projectArticle, projectHead } from '../export/projectParts';
import { annotationFilesInOrder } from '../export/annotationFilesInOrder';
import { readAhead } from '../export/readAhead';
import { textHash } from '../store/textHash';
import { applyTagOptions } from '../../shared/formats/project/applyTagOptions';
import type { TagImportOptions } from '../../shared/codebook/tagImportOptions';

/** Reasons listed in one refusal before "and N more". */
const MAX_REASONS = 8;

/** What the project service needs of the people index: canonical names for exports, and the corrections a project file carries. */
export type ProjectEntities = Pick<EntityService, 'speakersIfCredited' | 'corrections' | 'importCorrections'>;

export function createProjectService(ctx: CoreContext, entities?: ProjectEntities) {
  return {
    async exportProject(): Promise<Output<'exportProject'>> {
      ctx.ensureOpen();
      const speakers = await entities?.speakersIfCredited();
      const head = await projectHead({ ...ctx, corrections: await entities?.corrections() }, ctx.now().toISOString());
      const articles = [];
      for await (const article of readAhead(ctx.store.articles(), (meta) => projectArticle(ctx.store, meta, speakers))) articles.push(article);
      return { ...head, articles };
    },

    async exportCsv(): Promise<Output<'exportCsv'>> {
      ctx.ensureOpen();
      const codebook = ctx.store.codebook();
      const labels = groupLabelsByAnnotation((await ctx.links.read()).groups);
      const speakers = await entities?.speakersIfCredited();
      const parts = [BYTE_ORDER_MARK + csvRecords([annotationCsvHeader(codebook)])];
      let annotations = 0;
      for await (const { meta, file } of annotationFilesInOrder(ctx.store)) {
        annotations += file.annotations.length + file.unanchored.length;
        const rows = [...inExportOrder(file.annotations), ...inExportOrder(file.unanchored)];
        parts.push(csvRecords(annotationCsvRows(meta, rows, codebook, labels, speakers), annotationRawColumns(codebook)));
      }
      return { csv: parts.join(''), annotations };
    },

    async exportQdpx(): Promise<Output<'exportQdpx'>> {
      ctx.ensureOpen();
      const head = await projectHead(ctx, ctx.now().toISOString());
      const articles = [];
      for await (const article of readAhead(ctx.store.articles(), (meta) => projectArticle(ctx.store, meta))) articles.push(article);
      // Loaded on first use (xmlbuilder2 and fast-xml-parser take a good part of the host's start, issue 20).
      const { qdpxBytes } = await import('../export/qdpxBytes');
      const bytes = qdpxBytes({ ...head, articles });
      return { base64: Buffer.from(bytes).toString('base64'), articles: articles.length, annotations: articles.reduce((n, a) => n + a.annotations.length, 0) };
    },

    async importProject({ project, options, dryRun }: Input<'importProject'>): Promise<Output<'importProject'>> {
      ctx.ensureOpen();
      const read = readProjectFile(project);
      if (!read.ok) throw refusal(read.errors);
      return mergeProject(ctx, read.project, options, dryRun === true, [], entities);
    },

    async importQdpx({ base64, options, dryRun }: Input<'importQdpx'>): Promise<Output<'importQdpx'>> {
      ctx.ensureOpen();
      const { readQdpx } = await import('../import/readQdpx');
      const read = readQdpx(new Uint8Array(Buffer.from(base64, 'base64')), ctx.store.codebook(), ctx.now().toISOString());
      if (!read.ok) throw new ApiError('invalid_input', `This .qdpx file cannot be imported: ${read.error}. Nothing was changed.`);
      return mergeProject(ctx, read.project, options, dryRun === true, read.skipped);
    },
  };
}

/**
 * A project merged into the library: the tag choices applied (without
 * options every new tag is added), the whole merge planned, and — unless a
 * dry run — written: new tags, new articles (texts first, index last), each
 * article's annotation file once, links.json once. `skipped`: what the
 * reading already left out (a .qdpx's PDF sources, say), listed first.
 */
async function mergeProject(
  ctx: CoreContext,
  file: ProjectFile,
  options: TagImportOptions | undefined,
  dryRun: boolean,
  skipped: readonly string[],
  entities?: ProjectEntities,
): Promise<ProjectImportReport> {
  const chosen = options ? applyTagOptions(file, ctx.store.codebook(), options) : null;
  const plan = await planAgainstLibrary(ctx, chosen?.project ?? file);
  if (!plan.ok) throw refusal(plan.errors);
  const { articles, olderTexts, unanchored, tags, annotations, rejectedSuggestions, groups, groupMembers, sourceLinks } = plan.plan;
  const report: ProjectImportReport = {
    ...plan.plan.report,
    problems: [...skipped, ...(chosen?.problems ?? [])],
    unknownTags: chosen?.unknownTags ?? [],
    tagsCreated: tags.map((t) => t.name),
  };
  // The people index's corrections, after the annotations they concern (below): those the library does not hold yet.
  const corrections = file.entityCorrections ?? [];
  if (corrections.length > 0 && entities) report.entityCorrectionsImported = await entities.importCorrections(corrections, true);
  if (dryRun) return report;
  if (tags.length > 0) {
    await ctx.store.updateIndex((current) => {
      const added = tags.filter((t) => !current.codebook.some((c) => c.id === t.id));
      return { index: { ...current, codebook: [...current.codebook, ...added] }, result: undefined };
    });
  }
  await ctx.store.addArticles(articles, olderTexts);
  for (const articleId of new Set([...annotations.keys(), ...rejectedSuggestions.keys(), ...unanchored.keys()])) {
    const added = annotations.get(articleId) ?? [];
    const rejected = rejectedSuggestions.get(articleId) ?? [];
    const kept = unanchored.get(articleId) ?? [];
    await ctx.store.updateAnnotationFile(articleId, (current) => ({
      annotations: [...current.annotations, ...added.filter((a) => !current.annotations.some((c) => c.id === a.id))],
      rejectedSuggestions: [...current.rejectedSuggestions, ...rejected.filter((id) => !current.rejectedSuggestions.includes(id))],
      ...(kept.length > 0 ? { unanchored: [...current.unanchored, ...kept.filter((a) => !current.unanchored.some((c) => c.id === a.id))] } : {}),
      result: undefined,
    }));
  }
  // Rejected disagreements (issue 16) the library does not hold yet, with their coder and time.
  for (const article of (chosen?.project ?? file).articles) {
    const records = article.rejectedDisagreements ?? [];
    if (records.length === 0) continue;
    await ctx.store.updateAnnotationFile(article.id, (current) => {
      const held = current.rejectedDisagreements ?? [];
      const fresh = records.filter((r) => !held.some((h) => h.key === r.key));
      return fresh.length > 0 ? { rejectedDisagreements: [...held, ...fresh.map((r) => ({ ...r }))], result: undefined } : { result: undefined };
    });
  }
  if (groups.length > 0 || groupMembers.size > 0 || sourceLinks.length > 0) {
    const stamp = ctx.now().toISOString();
    await ctx.links.update((current) => ({
      groups: [
        ...current.groups.map((g) => {
          const extra = groupMembers.get(g.id);
          return extra ? { ...g, members: [...g.members, ...extra], modified: stamp } : g;
        }),
        ...groups.filter((g) => !current.groups.some((c) => c.id === g.id)),
      ],
      sourceLinks: [...current.sourceLinks, ...sourceLinks.filter((l) => !current.sourceLinks.some((c) => c.id === l.id))],
      result: undefined,
    }));
  }
  if (corrections.length > 0 && entities) await entities.importCorrections(corrections, false);
  return report;
}

async function planAgainstLibrary(ctx: CoreContext, project: ProjectFile) {
  const files = new Map<string, { annotations: readonly Annotation[]; rejectedSuggestions: readonly string[] }>();
  for (const id of projectArticleIds(project)) {
    if (!ctx.store.article(id)) continue;
    files.set(id, { annotations: await ctx.store.annotations(id), rejectedSuggestions: await ctx.store.rejectedSuggestions(id) });
  }
  const { groups, sourceLinks } = await ctx.links.read();
  return planProjectImport(project, { articles: ctx.store.articles(), codebook: ctx.store.codebook(), files, groups, sourceLinks }, textHash);
}

function refusal(errors: readonly string[]): ApiError {
  const listed = errors.slice(0, MAX_REASONS).join('; ');
  const more = errors.length > MAX_REASONS ? `; and ${errors.length - MAX_REASONS} more` : '';
  return new ApiError('invalid_input', `This project file cannot be imported: ${listed}${more}. Nothing was changed.`);
}
