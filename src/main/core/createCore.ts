/**
 * The Node core: every method of the API contract over one data folder. Both
 * transports (Electron IPC, the HTTP host) and the CLI use it. On first use
 * of an empty folder it imports the default corpus; a folder whose index.json
 * cannot be read stops here with corrupt_data, and nothing is written.
 * The per-article methods live here; the cross-article ones (suggestions,
 * alignment, groups, source links, coverage, import) in their services.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ApiError } from '../../shared/contract/apiError';
import type { Input, MethodName, Output, TriangulateApi } from '../../shared/contract/contract';
import { methodNames } from '../../shared/contract/methodNames';
import { carryAttributeValues, checkAttributeValues } from '../../shared/codebook/checkAttributeValues';
import { DEFAULT_CODEBOOK, type Annotation, type ArticleSummary, type AttributeValue, type Tag, type UnanchoredAnnotation } from '../../shared/model/model';
import { toAnnotationCollection } from '../../shared/formats/w3c/w3cExport';
import { alignWorkerFile } from '../alignment/alignWorkerFile';
import type { AtomicJsonFs } from '../store/atomicJsonAdapter';
import { createArticleFileReader, type ArticleFileReader } from '../import/createArticleFileReader';
import { importWorkerFile } from '../import/importWorkerFile';
import { buildAnnotation } from './buildAnnotation';
import type { CoreContext } from './coreContext';
import { createAlignmentService } from './createAlignmentService';
import { createLibraryAlignmentService } from './createLibraryAlignmentService';
import { createCopyMatrixService } from './createCopyMatrixService';
import { createEntityService } from './createEntityService';
import { EntityStore } from '../store/entityStore';
import { createArticleDetailsService } from './createArticleDetailsService';
import { createArticleVersionService } from './createArticleVersionService';
import { createCodebookService } from './createCodebookService';
import { createGroupService } from './createGroupService';
import { createProjectService } from './createProjectService';
import { createSourceLinkService } from './createSourceLinkService';
import { createArticleImportService, type ArticleFileBytes, type ArticleFilePath } from './createArticleImportService';
import { createAnnotationTableService } from './createAnnotationTableService';
import { createSearchService } from './createSearchService';
import { createLibraryWindowService } from './createLibraryWindowService';
import { createUndoService } from './createUndoService';
import { createSuggestionService } from './createSuggestionService';
import { createCoderService } from './createCoderService';
import { createAgreementService } from './createAgreementService';
import { createAdjudicationService } from './createAdjudicationService';
import { createSyncService } from './createSyncService';
import { createSyncConflictService } from './createSyncConflictService';
import { DataStore, type NewLibrary } from '../store/dataStore';
import { ForegroundGate } from '../store/foregroundGate';
import { defaultCreator } from './defaultCreator';
import { createCoverageGatherer } from './gatherCoverage';
import { importDefaultCorpus } from '../import/importDefaultCorpus';
import { importW3CBytes, importW3CCollection } from './importW3CCollection';
import type { W3CImportOptions } from '../../shared/formats/w3c/planW3CImport';
import { LinkStore } from '../store/linkStore';
import type { LibraryHead } from '../store/libraryHead';
import { withoutAnnotation } from '../../shared/crossArticle/withoutAnnotation';
import { readDataHealth } from '../safety/readDataHealth';
import { recoverDataFolder } from '../safety/recoverDataFolder';
import { removeStaleTempFiles } from '../store/removeStaleTempFiles';
import { setOrphanTextsAside } from '../safety/findOrphanTexts';
import { beginUnlink, repairPendingUnlinks } from '../store/pendingUnlinks';
import { startRollingBackups, type RollingBackupOptions } from '../safety/rollingBackups';

export interface CoreOptions {
  dataDir: string;
  /** Told once of changes made to the folder at start (ids renamed to meet the id rule); stderr unless given. */
  onNotice?: (line: string) => void;
  /** Folder of `*.txt` articles imported when the data folder holds no library yet. */
  corpusDir: string;
  /** What an empty data folder starts with instead of the default corpus (a project being restored, say). */
  newLibrary?: NewLibrary;
  now?: () => Date;
  newId?: () => string;
  /** Creator of new annotations; defaults to the library's setting (the account's user name). */
  creator?: string;
  /**
   * The built alignment worker (out/main/alignWorker.js) used for large
   * alignments; null aligns in-process always. Default: found next to the
   * built code, else null (as in the source layout).
   */
  alignWorkerFile?: string | null;
  /**
   * The built import worker (out/main/importWorker.js): imported files are
   * parsed there, with a memory cap and a time limit per file. null reads
   * them in-process. Default: found next to the built code, else null.
   */
  importWorkerFile?: string | null;
  /** Reads imported files (default: createArticleFileReader over importWorkerFile); for tests of the limits. */
  articleFileReader?: ArticleFileReader;
  /** Coalescing delay of counts.json writes (default 500 ms). */
  countsDelayMs?: number;
  /** File system for links.json writes; tests inject a failure to stand for a crash between two files' writes. */
  linksFs?: AtomicJsonFs;
  /** Rolling backups into <dataDir>/backups (see rollingBackups.ts); on by default, false turns them off. */
  backups?: RollingBackupOptions | false;
  /**
   * The library head as the transport read it at this start (readLibraryHead, see headFirstApi: null when none
   * matches index.json), handed over so the store does not read it again; left out, the store reads it.
   */
  libraryHead?: LibraryHead | null;
  /**
   * Imported articles are listed in index.json at most about this often (the CLI's import; see
   * DataStoreOptions.indexWriteEveryMs): close() writes the last of them. Default 0: at every import call.
   */
  indexWriteEveryMs?: number;
}

/** The longest a backup waits for the calls in flight between two stretches of its files. */
const BACKUP_WAIT_MS = 50;

/** Orphan texts younger than this may belong to an import under way, and are left alone. */
const ORPHAN_MIN_AGE_MS = 60_000;

export type Core = TriangulateApi & {
  close(): Promise<void>;
  /**
   * importW3C from the bytes of its request body or of an annotation file, planned whole in the import
   * worker (the host hands it large bodies: the collection is never parsed on the core's thread). Absent
   * where files are read in-process.
   */
  importW3CBytes?(bytes: Uint8Array, purpose: 'body' | 'annotationFile', options?: W3CImportOptions): Promise<Output<'importW3C'>>;
  /**
   * importArticles for files this process read itself: their bytes, handed over to the import workers as they
   * are, not base64 text encoded here and decoded and checked there; or for files on disk (the CLI's), each
   * read by the import worker that reads its articles. The same pipeline and report.
   */
  importArticleFiles(files: readonly (ArticleFileBytes | ArticleFilePath)[]): Promise<Output<'importArticles'>>;
  /**
   * importArticles from the bytes of its request body: the body is read in the import worker (readArticlesBody),
   * and the files' bytes go from there to the readers, so their base64 text never reaches the core's thread.
   */
  importArticlesBytes(bytes: Uint8Array): Promise<Output<'importArticles'>>;
  /** Absolute path of the data folder. */
  dataDir: string;
};

export async function createCore(options: CoreOptions): Promise<Core> {
  const dataDir = resolve(options.dataDir);
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => randomUUID());

  try {
    await mkdir(dataDir, { recursive: true });
  } catch (error) {
    throw new ApiError('internal', `Cannot create the data folder ${dataDir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const workerFile = options.importWorkerFile === undefined ? importWorkerFile() : options.importWorkerFile;
  // Large data files (a 12 MB text's first read, the health check's look at a changed one) are read and
  // checked in an import worker of their own, off the event loop, never queued behind an import.
  const fileChecks = createArticleFileReader({ workerFile, workers: 1 });
  // The contract's calls in flight: the start's background check of the counts gives way to them.
  const foreground = new ForegroundGate();
  const store =
    (await DataStore.open(dataDir, {
      largeFileChecks: fileChecks,
      foreground,
      countsDelayMs: options.countsDelayMs,
      head: options.libraryHead,
      indexWriteEveryMs: options.indexWriteEveryMs,
      onIdsRenamed: (lines) => (options.onNotice ?? ((line: string) => console.error(line)))(`Triangulate: ids that break the id rule were renamed in ${dataDir}: ${lines.join('; ')}`),
    })) ??
    (await DataStore.create(
      dataDir,
      options.newLibrary ?? {
        articles: await importDefaultCorpus(options.corpusDir),
        codebook: DEFAULT_CODEBOOK,
        settings: { creator: options.creator ?? defaultCreator() },
      },
      { countsDelayMs: options.countsDelayMs, largeFileChecks: fileChecks, foreground, indexWriteEveryMs: options.indexWriteEveryMs },
    ));
  const links = new LinkStore(dataDir, { fs: options.linksFs });
  // Clean-ups of links.json that a crash cut short (see pendingUnlinks); a damaged file waits for the restore.
  await repairPendingUnlinks(dataDir, store, links, now).catch(() => undefined);
  // In the background, so a large library opens without listing its folders first (issue 20: 100,000 texts
  // take seconds to list): temporary files a killed save left, and texts an import killed part way left
  // behind (no article lists them), go; both only touch files older than a minute, so a save or an import
  // started meanwhile is safe. Never fails the start; close() waits for it.
  // In short steps (a few ms: a folder's listing, 5,000 of its names), each after a turn of the event loop and
  // the calls in flight, so an open or a search made right after a start waits at most one step (issue 20).
  // Once close() is called they no longer wait: close() finishes them, and must not wait on a timer that keeps
  // nothing alive (a CLI command's process would end inside close(), before printing its summary).
  let closed = false;
  const giveWay = async (): Promise<void> => {
    await new Promise((resolve) => setImmediate(resolve));
    await foreground.idle();
  };
  const cleanUp = (async () => {
    await giveWay();
    await removeStaleTempFiles(dataDir, { giveWay });
    await setOrphanTextsAside(dataDir, { articles: store.articles() }, { olderThanMs: ORPHAN_MIN_AGE_MS, giveWay });
  })().catch(() => undefined);
  // Backups (200,000 files looked at, then linked, at 100,000 articles) give way to the calls in flight too, but
  // briefly (BACKUP_WAIT_MS every 256 files): a command-line import keeps calls in flight all the time, and its
  // start-up backup must still finish, not be stopped at close.
  const backups = options.backups === false ? null : startRollingBackups(dataDir, { giveWay: () => foreground.idle(BACKUP_WAIT_MS), ...options.backups });

  const ensureOpen = (): void => {
    if (closed) throw new ApiError('internal', `The data folder ${dataDir} has been closed.`);
  };
  const creator = (): string => options.creator || store.settings().creator || defaultCreator();
  const requireArticle = (id: string) => {
    const meta = store.article(id);
    if (!meta) throw new ApiError('not_found', `There is no article with id "${id}".`);
    return meta;
  };
  const requireTag = (tagId: string): Tag => {
    const tag = store.codebook().find((t) => t.id === tagId);
    if (!tag) throw new ApiError('invalid_input', `There is no tag "${tagId}" in the codebook.`);
    return tag;
  };
  const checkedAttributes = (tag: Tag, values: Readonly<Record<string, AttributeValue>>): Record<string, AttributeValue> => {
    const check = checkAttributeValues(tag, values);
    if (!check.ok) throw new ApiError('invalid_input', check.message);
    return check.values;
  };
  const notFoundAnnotation = (articleId: string, id: string): ApiError =>
    new ApiError('not_found', `There is no annotation "${id}" in article "${articleId}".`);
  const ctx: CoreContext = {
    store,
    links,
    now,
    newId,
    creator,
    ensureOpen,
    requireArticle,
    requireTag,
    async requireAnnotation({ articleId, annotationId }) {
      requireArticle(articleId);
      const found = (await store.annotations(articleId)).find((a) => a.id === annotationId);
      if (!found) throw notFoundAnnotation(articleId, annotationId);
      return found;
    },
  };
  const entityStore = new EntityStore(dataDir);
  const entityService = createEntityService(ctx, { dataDir, entities: entityStore });
  const gatherCoverage = createCoverageGatherer(ctx, entityService.entityIndex, entityService.quoteCache);
  const articleFiles =
    options.articleFileReader ?? createArticleFileReader({ workerFile });
  let listed: { revision: string; articles: ArticleSummary[] } | null = null;
  const libraryAlignment = createLibraryAlignmentService(ctx, {
    dataDir,
    workerFile: options.alignWorkerFile === undefined ? alignWorkerFile() : options.alignWorkerFile,
    onNotice: options.onNotice,
  });
  // The word index is brought up to date after saves of index.json once the calls in flight are done.
  const search = createSearchService(ctx, { giveWay: () => foreground.idle(3_000) });
  const articleImport = createArticleImportService(ctx, { readFile: (name, file, readOptions) => articleFiles.read(name, file, readOptions) });
  /** New articles (and new versions) are aligned against the kept library alignment in the background. */
  const alignedAfter = (report: Output<'importArticles'>): Output<'importArticles'> => {
    libraryAlignment.alignImported([...report.imported.map((a) => a.id), ...report.versions.map((v) => v.id)]);
    return report;
  };
  const core: Core = {
    dataDir,

    async listArticles(): Promise<Output<'listArticles'>> {
      ensureOpen();
      // The list is made again only when the library changed since (10,000 rows take a while).
      const revision = store.libraryRevision();
      if (listed?.revision === revision) return listed.articles;
      const counts = await store.counts();
      const zeros = Object.fromEntries(store.codebook().map((t) => [t.id, 0]));
      const articles = store.articles().map(
        ({ id, title, date, outlet, author, versions }): ArticleSummary => ({
          id,
          title,
          date,
          outlet,
          author: author ?? null,
          counts: { ...zeros, ...counts.get(id) },
          ...(versions ? { versions: versions.length } : {}),
        }),
      );
      listed = { revision, articles };
      return articles;
    },

    async libraryRevision(): Promise<Output<'libraryRevision'>> {
      ensureOpen();
      return store.libraryRevision();
    },

    async getArticle({ id }: Input<'getArticle'>): Promise<Output<'getArticle'>> {
      ensureOpen();
      const meta = requireArticle(id);
      return { ...meta, text: await store.text(id) };
    },

    async getCodebook(): Promise<Output<'getCodebook'>> {
      ensureOpen();
      return store.codebook().map((t) => ({ ...t }));
    },

    async listAnnotations({ articleId }: Input<'listAnnotations'>): Promise<Output<'listAnnotations'>> {
      ensureOpen();
      requireArticle(articleId);
      return inTextOrder(await store.annotations(articleId));
    },

    async createAnnotation(input: Input<'createAnnotation'>): Promise<Output<'createAnnotation'>> {
      ensureOpen();
      requireArticle(input.articleId);
      const attributes = checkedAttributes(requireTag(input.tagId), input.attributes ?? {});
      const text = await store.text(input.articleId);
      const annotation = {
        ...buildAnnotation(text, input, { id: newId(), creator: creator(), stamp: now().toISOString() }),
        attributes,
      };
      return store.updateAnnotations(input.articleId, (current) => ({
        annotations: [...current, annotation],
        result: { ...annotation },
      }));
    },

    async updateAnnotation(input: Input<'updateAnnotation'>): Promise<Output<'updateAnnotation'>> {
      ensureOpen();
      requireArticle(input.articleId);
      const newTag = input.tagId === undefined ? undefined : requireTag(input.tagId);
      return store.updateAnnotations(input.articleId, (current) => {
        const index = current.findIndex((a) => a.id === input.id);
        const old = current[index];
        if (!old) throw notFoundAnnotation(input.articleId, input.id);
        const oldTag = store.codebook().find((t) => t.id === old.tagId);
        const tag = newTag ?? oldTag;
        let attributes = old.attributes;
        if (input.attributes !== undefined) {
          if (!tag) throw new ApiError('invalid_input', `The annotation's tag "${old.tagId}" is no longer in the codebook; give it a tag first.`);
          attributes = checkedAttributes(tag, input.attributes);
        } else if (newTag && newTag.id !== old.tagId) {
          attributes = carryAttributeValues(oldTag, newTag, old.attributes);
        }
        const updated: Annotation = {
          ...old,
          tagId: tag?.id ?? old.tagId,
          note: input.note ?? old.note,
          attributes,
          modified: now().toISOString(),
          // Who changed it (issue 16); the creator stays the coder who made it.
          modifiedBy: creator(),
        };
        return { annotations: current.map((a, i) => (i === index ? updated : a)), result: { ...updated } };
      });
    },

    async deleteAnnotation(input: Input<'deleteAnnotation'>): Promise<Output<'deleteAnnotation'>> {
      ensureOpen();
      requireArticle(input.articleId);
      // The groups and links that mention it are cleaned up after: a links.json we cannot read stops the deletion first.
      await links.read();
      // Two files change, the article's annotations then links.json: an intent saved first lets a start after a
      // crash between them finish the clean-up (see pendingUnlinks), so no group or credit points at nothing.
      const pending = await beginUnlink(dataDir, [input.articleId]);
      let annotation: Annotation;
      try {
        annotation = await store.updateAnnotations(input.articleId, (current) => {
          const found = current.find((a) => a.id === input.id);
          if (!found) throw notFoundAnnotation(input.articleId, input.id);
          return { annotations: current.filter((a) => a.id !== input.id), result: { ...found } };
        });
      } catch (error) {
        await pending.done();
        throw error;
      }
      // What went with it is reported, so undo can put it all back (createUndoService).
      const ref = { articleId: input.articleId, annotationId: input.id };
      const lost = await links.update((current) => {
        const next = withoutAnnotation(current, ref, now().toISOString());
        const result = {
          groups: current.groups.filter((g) => g.members.some((m) => m.articleId === ref.articleId && m.annotationId === ref.annotationId)),
          sourceLinks: current.sourceLinks.filter((l) => !next.sourceLinks.includes(l)),
        };
        return next.changed ? { groups: next.groups, sourceLinks: next.sourceLinks, result } : { result };
      });
      await pending.done();
      return { deleted: true as const, removed: { annotation, ...lost } };
    },

    async exportW3C(): Promise<Output<'exportW3C'>> {
      ensureOpen();
      const annotationsByArticle = new Map<string, readonly Annotation[]>();
      const unanchoredByArticle = new Map<string, readonly UnanchoredAnnotation[]>();
      for (const article of store.articles()) {
        annotationsByArticle.set(article.id, await store.annotations(article.id));
        if (article.versions) unanchoredByArticle.set(article.id, await store.unanchoredAnnotations(article.id));
      }
      const { groups, sourceLinks } = await links.read();
      return toAnnotationCollection({
        articles: store.articles(),
        codebook: store.codebook(),
        annotationsByArticle,
        unanchoredByArticle,
        groups,
        sourceLinks,
        libraryCreator: store.settings().creator,
        generated: now().toISOString(),
        speakers: await entityService.speakersIfCredited(),
      });
    },

    ...createSuggestionService(ctx),
    ...createAlignmentService(ctx, {
      workerFile: options.alignWorkerFile === undefined ? alignWorkerFile() : options.alignWorkerFile,
    }),
    ...createGroupService(ctx),
    ...createSourceLinkService(ctx),
    ...createProjectService(ctx, entityService),
    async importArticles(input: Input<'importArticles'>): Promise<Output<'importArticles'>> {
      return alignedAfter(await articleImport.importArticles(input));
    },
    async importArticleFiles(files: readonly (ArticleFileBytes | ArticleFilePath)[]): Promise<Output<'importArticles'>> {
      return alignedAfter(await articleImport.importArticleFiles(files, []));
    },

    importArticlesBytes(bytes: Uint8Array): Promise<Output<'importArticles'>> {
      return foreground.run(async () => {
        ensureOpen();
        const read = await articleFiles.readArticlesBody(bytes);
        if (!read.ok) throw new ApiError(read.code, read.reason);
        return alignedAfter(await articleImport.importArticleFiles(read.value.files, read.value.urls));
      });
    },
    startLibraryAlignment: libraryAlignment.startLibraryAlignment,
    getLibraryAlignmentStatus: libraryAlignment.getLibraryAlignmentStatus,
    cancelLibraryAlignment: libraryAlignment.cancelLibraryAlignment,
    listLibraryPassages: libraryAlignment.listLibraryPassages,
    ...createCodebookService(ctx),
    ...createArticleDetailsService(ctx),
    ...createArticleVersionService(ctx),
    ...createUndoService(ctx),
    ...search.api,
    ...createLibraryWindowService(ctx),
    ...createAnnotationTableService(ctx, entityService.entityIndex),
    ...createCoderService(ctx, { sessionCoder: options.creator }),
    ...createAgreementService(ctx),
    ...createAdjudicationService(ctx),
    ...createCopyMatrixService(ctx),
    listEntities: entityService.listEntities,
    getEntityQuotes: entityService.getEntityQuotes,
    mergeEntities: entityService.mergeEntities,
    renameEntity: entityService.renameEntity,
    setEntityKind: entityService.setEntityKind,
    splitEntity: entityService.splitEntity,
    withdrawEntityCorrections: entityService.withdrawEntityCorrections,
    restoreEntityCorrections: entityService.restoreEntityCorrections,
    ...createSyncService(ctx, dataDir, entityStore),
    ...createSyncConflictService(ctx, dataDir, () => core),

    async getCoverage({ rows }: Input<'getCoverage'>): Promise<Output<'getCoverage'>> {
      ensureOpen();
      return gatherCoverage(rows);
    },

    async importW3C({ collection, options, dryRun }: Input<'importW3C'>): Promise<Output<'importW3C'>> {
      ensureOpen();
      // The quotes of annotations naming no article are looked for in the import worker, when there is one.
      return importW3CCollection(ctx, collection, options, dryRun === true, articleFiles.findQuotes?.bind(articleFiles));
    },

    ...(articleFiles.planW3CImport && {
      importW3CBytes(bytes: Uint8Array, purpose: 'body' | 'annotationFile', options?: W3CImportOptions): Promise<Output<'importW3C'>> {
        ensureOpen();
        return foreground.run(() => importW3CBytes(ctx, bytes, purpose, articleFiles.planW3CImport!.bind(articleFiles), options));
      },
    }),

    async getDataHealth(): Promise<Output<'getDataHealth'>> {
      ensureOpen();
      return readDataHealth(dataDir, { checks: fileChecks });
    },

    async restoreFromBackup(): Promise<Output<'restoreFromBackup'>> {
      ensureOpen();
      // No save may run while files are replaced; what was read before is read again after.
      await store.close();
      await links.close();
      const report = await recoverDataFolder(dataDir, { now, orphansOlderThanMs: ORPHAN_MIN_AGE_MS });
      await store.forgetReadFiles();
      await links.forgetReadFile();
      await entityStore.forgetReadFile();
      return report;
    },

    async close(): Promise<void> {
      closed = true;
      foreground.close();
      await libraryAlignment.close();
      // Articles an import listed in memory only (indexWriteEveryMs) are written first, so the word index's
      // last catch-up (search.close) covers them; a failure to write them is reported once all is closed.
      let unsavedLost: unknown = null;
      await store.flushIndex().catch((error: unknown) => (unsavedLost = error));
      await search.close();
      await articleFiles.close();
      await store.close();
      await links.close();
      await entityStore.close();
      await backups?.close();
      await cleanUp;
      await fileChecks.close();
      if (unsavedLost !== null) throw unsavedLost;
    },
  };
  // Each call of the contract counts as in flight while it runs (see ForegroundGate).
  const calls = core as unknown as Record<MethodName, (input: unknown) => Promise<unknown>>;
  for (const method of methodNames) {
    const call = calls[method];
    if (typeof call === 'function') calls[method] = (input: unknown) => foreground.run(() => call.call(core, input));
  }
  return core;
}

function inTextOrder(annotations: readonly Annotation[]): Annotation[] {
  return annotations
    .map((a) => ({ ...a }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.created.localeCompare(b.created));
}
