/**
 * The API contract between the UI and the Node core: one interface, one schema
 * per call. Both transports (Electron IPC and the local HTTP host) are built
 * from this table, and both validate every payload with these schemas.
 */
import { z } from 'zod';
import type { MethodName } from './methodNames';
import {
  AnnotationSchema,
  ArticleIdSchema,
  AttributeDefSchema,
  TagIdSchema,
  idSchema,
  ArticleMetaSchema,
  AttributeValueSchema,
  ArticleSchema,
  ArticleSummarySchema,
  TagSchema,
} from '../model/model';
import {
  AlignedGroupSchema,
  AnnotationRefSchema,
  CoverageMatrixSchema,
  GroupSchema,
  ImportReportSchema,
  SourceLinkSchema,
  SuggestionSchema,
} from '../crossArticle/crossArticle';
import { CopyMatrixSchema, GetCopyMatrixInputSchema } from './copyMatrixSchemas';
import { LibraryAlignmentStatusSchema, ListLibraryPassagesInputSchema, ListLibraryPassagesOutputSchema } from './libraryAlignmentSchemas';
import {
  EntityChangeSchema,
  EntityCorrectionsInputSchema,
  EntityIdSchema,
  EntityIndexSchema,
  EntityQuotesSchema,
  MergeEntitiesInputSchema,
  RenameEntityInputSchema,
  SetEntityKindInputSchema,
  SplitEntityInputSchema,
  WithdrawEntityCorrectionsInputSchema,
} from '../crossArticle/entitySchemas';
import { DataHealthSchema, RecoveryReportSchema } from './dataHealth';
import { AnnotationCollectionSchema } from '../formats/w3c/w3cExport';
import { ProjectFileSchema, ProjectImportReportSchema } from '../formats/project/projectFile';
import {
  CodebookOutputSchema,
  DeleteTagInputSchema,
  DeleteTagOutputSchema,
  ImportCodebookInputSchema,
  ImportCodebookOutputSchema,
  ReorderTagsInputSchema,
  SaveTagInputSchema,
  SaveTagOutputSchema,
  UpdateArticleInputSchema,
} from './codebookApiSchemas';
import { AnnotationTablePageSchema, AnnotationTableQuerySchema } from '../search/annotationTable';
import { SearchResultSchema } from '../search/corpusSearch';
import { LibraryWindowQuerySchema, LibraryWindowSchema } from '../search/libraryWindow';
import { RemovedAnnotationSchema, RestoreAnnotationsInputSchema, RestoreAnnotationsOutputSchema } from './restoreAnnotations';
import { ArticleImportReportSchema, ImportArticlesInputSchema } from './articleImport';
import {
  ArticleVersionTextSchema,
  ArticleVersionsSchema,
  DiffArticleVersionsInputSchema,
  GetArticleVersionTextInputSchema,
  GetArticleVersionsInputSchema,
  VersionDiffSchema,
} from './articleVersions';
import { CoderOutputSchema, ListCodersInputSchema, ListCodersOutputSchema, SetCoderInputSchema, SetCoderOutputSchema } from './coderApiSchemas';
import {
  AdjudicationSchema,
  AgreementReportSchema,
  ComputeAgreementInputSchema,
  SettleDisagreementInputSchema,
  SettleDisagreementOutputSchema,
} from './agreementApiSchemas';
import {
  LinkSyncRemoteInputSchema,
  RestoreSyncConflictOutputSchema,
  SyncConflictKeyInputSchema,
  SyncConflictReviewSchema,
  SyncNowOutputSchema,
  SyncStatusSchema,
} from './syncApiSchemas';

const NoInput = z.object({}).strict();

/** Upper bound on any single string a client may send (a note, say). */
const MAX_NOTE = 100_000;

/** Attribute values by attribute id, checked against the tag's declarations by the core. */
const AttributeValuesInput = z.record(AttributeDefSchema.shape.id, AttributeValueSchema);

/** What to do with tags an imported file names that the codebook lacks (tagImportOptions.ts). */
const TagImportOptionsSchema = z
  .object({
    tagMap: z.record(z.string().max(200), z.string().min(1).max(64)).optional(),
    createTags: z.union([z.boolean(), z.array(z.string().max(200)).max(10_000)]).optional(),
    untaggedAs: z.string().min(1).max(64).optional(),
  })
  .strict();

export const contract = {
  listArticles: {
    input: NoInput,
    output: z.array(ArticleSummarySchema),
  },
  /**
   * One window of the library list, filtered and sorted in the core, with
   * the number of articles the filter keeps: what a virtual list shows,
   * without sending the whole list (issue 20).
   */
  listArticlesWindow: {
    input: LibraryWindowQuerySchema,
    output: LibraryWindowSchema,
  },
  /**
   * A token that changes whenever what listArticles returns may have changed;
   * a list fetched after reading a token is current while the token stays
   * the same (so a screen coming back to the library need not fetch it again).
   */
  libraryRevision: {
    input: NoInput,
    output: z.string(),
  },
  getArticle: {
    input: z.object({ id: ArticleIdSchema }).strict(),
    output: ArticleSchema,
  },
  /** The versions of an article's text, and the annotations newer versions no longer hold. */
  getArticleVersions: {
    input: GetArticleVersionsInputSchema,
    output: ArticleVersionsSchema,
  },
  /** One version's text. */
  getArticleVersionText: {
    input: GetArticleVersionTextInputSchema,
    output: ArticleVersionTextSchema,
  },
  /** What changed from one version to another, word by word. */
  diffArticleVersions: {
    input: DiffArticleVersionsInputSchema,
    output: VersionDiffSchema,
  },
  getCodebook: {
    input: NoInput,
    output: z.array(TagSchema),
  },
  listAnnotations: {
    input: z.object({ articleId: ArticleIdSchema }).strict(),
    output: z.array(AnnotationSchema),
  },
  createAnnotation: {
    input: z
      .object({
        articleId: ArticleIdSchema,
        tagId: TagIdSchema,
        start: z.number().int().nonnegative(),
        end: z.number().int().positive(),
        note: z.string().max(MAX_NOTE).optional(),
        attributes: AttributeValuesInput.optional(),
      })
      .strict()
      .refine((v) => v.start < v.end, { message: 'start must be before end' }),
    output: AnnotationSchema,
  },
  updateAnnotation: {
    input: z
      .object({
        articleId: ArticleIdSchema,
        id: idSchema(100),
        tagId: TagIdSchema.optional(),
        note: z.string().max(MAX_NOTE).optional(),
        /**
         * Replaces every attribute value. Left out on a retag, the values the
         * new tag also declares are kept and the others dropped.
         */
        attributes: AttributeValuesInput.optional(),
      })
      .strict(),
    output: AnnotationSchema,
  },
  deleteAnnotation: {
    input: z.object({ articleId: ArticleIdSchema, id: idSchema(100) }).strict(),
    /** `removed`: what the deletion took away, so undo can put it back exactly. */
    output: z.object({ deleted: z.literal(true), removed: RemovedAnnotationSchema.optional() }),
  },
  exportW3C: {
    input: NoInput,
    output: AnnotationCollectionSchema,
  },

  // Cross-article work (issue 3): suggestions, alignment, groups, links, coverage.
  listSuggestions: {
    input: z.object({ articleId: ArticleIdSchema }).strict(),
    /** Pending suggestions only: accepted ones are annotations, rejected ones stay hidden. */
    output: z.array(SuggestionSchema),
  },
  decideSuggestions: {
    input: z
      .object({
        articleId: ArticleIdSchema,
        decision: z.enum(['accept', 'reject']),
        /** Suggestion ids; omitted = every pending suggestion of the article. */
        ids: z.array(z.string().min(1).max(200)).max(10_000).optional(),
        /** Accepting: the speaker the researcher chose instead of the detected one (a Quote's speaker, a Source's name). */
        speaker: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
    /** The annotations created by accepting (empty when rejecting). */
    output: z.object({ created: z.array(AnnotationSchema), decided: z.number().int().nonnegative() }),
  },
  alignArticles: {
    input: z.object({ articleIds: z.array(ArticleIdSchema).min(2).max(100_000) }).strict(),
    output: z.array(AlignedGroupSchema),
  },
  /** Starts aligning the whole library in a worker (one run at a time: while one runs, its status comes back). */
  startLibraryAlignment: {
    input: NoInput,
    output: LibraryAlignmentStatusSchema,
  },
  /** The running library alignment's phase and counts, the kept result, how the last run ended. */
  getLibraryAlignmentStatus: {
    input: NoInput,
    output: LibraryAlignmentStatusSchema,
  },
  /** Stops the running library alignment; the groups kept from the last finished one stay. */
  cancelLibraryAlignment: {
    input: NoInput,
    output: LibraryAlignmentStatusSchema,
  },
  /** The kept library alignment's groups (articles imported since included), largest first, a page at a time. */
  listLibraryPassages: {
    input: ListLibraryPassagesInputSchema,
    output: ListLibraryPassagesOutputSchema,
  },
  listGroups: {
    input: NoInput,
    output: z.array(GroupSchema),
  },
  createGroup: {
    input: z
      .object({ label: z.string().max(500), members: z.array(AnnotationRefSchema).min(1).max(100_000) })
      .strict(),
    output: GroupSchema,
  },
  updateGroup: {
    input: z
      .object({
        id: idSchema(100),
        label: z.string().max(500).optional(),
        /** Replaces the member list. */
        members: z.array(AnnotationRefSchema).max(100_000).optional(),
      })
      .strict(),
    output: GroupSchema,
  },
  deleteGroup: {
    input: z.object({ id: idSchema(100) }).strict(),
    output: z.object({ deleted: z.literal(true) }),
  },
  /** Turns an aligned set of passages into annotations (one per passage) and a group. */
  acceptAlignment: {
    input: z
      .object({
        label: z.string().max(500),
        tagId: TagIdSchema,
        passages: z
          .array(
            z
              .object({ articleId: ArticleIdSchema, start: z.number().int().nonnegative(), end: z.number().int().positive() })
              .strict(),
          )
          .min(2)
          .max(10_000),
      })
      .strict(),
    output: z.object({ group: GroupSchema, created: z.array(AnnotationSchema) }),
  },
  listSourceLinks: {
    input: NoInput,
    output: z.array(SourceLinkSchema),
  },
  linkSource: {
    input: z.object({ quote: AnnotationRefSchema, source: AnnotationRefSchema }).strict(),
    output: SourceLinkSchema,
  },
  unlinkSource: {
    input: z.object({ id: idSchema(100) }).strict(),
    output: z.object({ deleted: z.literal(true) }),
  },
  getCoverage: {
    /** rows: one per group (the default) or one per Quote/Claim annotation. */
    input: z.object({ rows: z.enum(['groups', 'annotations']).optional() }).strict(),
    output: CoverageMatrixSchema,
  },
  /** Who copies whom: the share of each article's words found nearly verbatim in each other article (issue 18). */
  getCopyMatrix: {
    input: GetCopyMatrixInputSchema,
    output: CopyMatrixSchema,
  },
  /** Imports a W3C collection (ours or another tool's): annotations re-anchored by their selectors, groups and links. */
  importW3C: {
    input: z
      .object({
        collection: z.unknown(),
        /** How to read tags the codebook does not have (tagImportOptions.ts). */
        options: TagImportOptionsSchema.optional(),
        /** Plan only: the report says what the import would do (tags to map first), nothing is stored. */
        dryRun: z.boolean().optional(),
      })
      .strict(),
    output: ImportReportSchema,
  },
  /** The whole library as Triangulate's own `project` file (projectFile.ts). */
  exportProject: {
    input: NoInput,
    output: ProjectFileSchema,
  },
  /** Every annotation as CSV, one row per annotation (annotationCsv.ts), without sending the texts. */
  exportCsv: {
    input: NoInput,
    output: z.object({ csv: z.string(), annotations: z.number().int().nonnegative() }),
  },
  /** The library as a REFI-QDA `.qdpx` (projectToQde.ts), base64-encoded zip bytes. */
  exportQdpx: {
    input: NoInput,
    output: z.object({ base64: z.string(), articles: z.number().int().nonnegative(), annotations: z.number().int().nonnegative() }),
  },
  /** Merges a `project` file into the library (planProjectImport.ts); a file it refuses changes nothing. */
  importProject: {
    input: z
      .object({
        project: z.unknown(),
        /** The file's tags the codebook does not have: mapped, created or left out (applyTagOptions.ts); without options every one is created. */
        options: TagImportOptionsSchema.optional(),
        /** Plan only: the report says what the import would do, nothing is stored. */
        dryRun: z.boolean().optional(),
      })
      .strict(),
    output: ProjectImportReportSchema,
  },
  /** Merges a REFI-QDA `.qdpx` (base64 zip bytes; readQdpx.ts) like a project file; what cannot come in is listed in `problems`. */
  importQdpx: {
    input: z
      .object({
        base64: z.string().min(1).max(90_000_000),
        options: TagImportOptionsSchema.optional(),
        dryRun: z.boolean().optional(),
      })
      .strict(),
    output: ProjectImportReportSchema,
  },
  /** Imports articles from files (text, Markdown, HTML, JSON/JSONL batch; bytes as base64): see createArticleImportService.ts. */
  importArticles: {
    input: ImportArticlesInputSchema,
    output: ArticleImportReportSchema,
  },

  // Recovery from a damaged data folder (issue 6).
  /** The damaged files of the data folder and the newest backup. */
  getDataHealth: {
    input: NoInput,
    output: DataHealthSchema,
  },
  /** Restores each damaged file from the newest backup holding a good copy; the damaged one goes to quarantine/. */
  restoreFromBackup: {
    input: NoInput,
    output: RecoveryReportSchema,
  },

  // The codebook and article details (issue 4: codebook, attributes, notes, metadata).
  /** Creates (no id) or replaces a tag, checked against the codebook's rules. */
  saveTag: {
    input: SaveTagInputSchema,
    output: SaveTagOutputSchema,
  },
  /** Puts the tags in this order (every tag once). */
  reorderTags: {
    input: ReorderTagsInputSchema,
    output: CodebookOutputSchema,
  },
  /** Removes a tag; its annotations in every article are deleted or moved to another tag first. */
  deleteTag: {
    input: DeleteTagInputSchema,
    output: DeleteTagOutputSchema,
  },
  /** Merges a shared codebook file (see mergeCodebooks.ts); a file that is not one changes nothing. */
  importCodebook: {
    input: ImportCodebookInputSchema,
    output: ImportCodebookOutputSchema,
  },
  /** Changes an article's details and note (checked by checkArticleDetails). */
  updateArticle: {
    input: UpdateArticleInputSchema,
    output: ArticleMetaSchema,
  },

  // Undo, search and the annotation table (issue 4).
  /** One annotation (undo reads it before a change). */
  getAnnotation: {
    input: z.object({ articleId: ArticleIdSchema, id: idSchema(100) }).strict(),
    output: AnnotationSchema,
  },
  /** Puts annotations, groups and credits back exactly as given (undo of a deletion or a change, redo of a creation). */
  restoreAnnotations: {
    input: RestoreAnnotationsInputSchema,
    output: RestoreAnnotationsOutputSchema,
  },
  /** Case-insensitive text search over every article (or the ones named); hits in library order, then text order. */
  searchCorpus: {
    input: z
      .object({
        /** An empty query finds nothing (and readies the search). */
        query: z.string().max(500),
        limit: z.number().int().min(1).max(5_000).optional(),
        articleIds: z.array(ArticleIdSchema).max(100_000).optional(),
      })
      .strict(),
    output: SearchResultSchema,
  },
  /** Every annotation of the corpus as compact rows: filtered, sorted, one page at a time. */
  listAllAnnotations: {
    input: AnnotationTableQuerySchema,
    output: AnnotationTablePageSchema,
  },

  // Research teams (issue 16).
  /** This data folder's coder: the creator of everything made from now on. */
  getCoder: {
    input: NoInput,
    output: CoderOutputSchema,
  },
  /** Chooses or changes the coder (stored in the data folder); existing annotations keep their creators. */
  setCoder: {
    input: SetCoderInputSchema,
    output: SetCoderOutputSchema,
  },
  /** Everyone who made annotations in the library; with `articles: false`, without the articles each coded. */
  listCoders: {
    input: ListCodersInputSchema,
    output: ListCodersOutputSchema,
  },
  /** Intercoder agreement (src/shared/agreement) over the chosen articles, coders and tags. */
  computeAgreement: {
    input: ComputeAgreementInputSchema,
    output: AgreementReportSchema,
  },
  /** One article's agreements and disagreements among its coders, and how many the consensus layer settled. */
  getAdjudication: {
    input: z.object({ articleId: ArticleIdSchema }).strict(),
    output: AdjudicationSchema,
  },
  /**
   * Takes coders' annotations into the consensus layer (as they are, or one edited first), rejects a
   * disagreement or opens a rejected one again; answers what it made and the article's adjudication afresh.
   */
  settleDisagreement: {
    input: SettleDisagreementInputSchema,
    output: SettleDisagreementOutputSchema,
  },
  /** The people-and-organisations index: every speaker and source entity with its aliases and counts (issue 15). */
  listEntities: {
    input: NoInput,
    output: EntityIndexSchema,
  },
  /** The quotes credited to one entity across articles (detected and annotated). */
  getEntityQuotes: {
    input: z.object({ id: EntityIdSchema }).strict(),
    output: EntityQuotesSchema,
  },
  /** Makes `from` part of `into` (stored in entities.json). */
  mergeEntities: {
    input: MergeEntitiesInputSchema,
    output: EntityChangeSchema,
  },
  /** Gives an entity its canonical name (the old one stays an alias). */
  renameEntity: {
    input: RenameEntityInputSchema,
    output: EntityChangeSchema,
  },
  /** Person, organisation, outlet or document. */
  setEntityKind: {
    input: SetEntityKindInputSchema,
    output: EntityChangeSchema,
  },
  /** Makes one alias an entity of its own, with the quotes credited by that name; answers the new id. */
  splitEntity: {
    input: SplitEntityInputSchema,
    output: EntityChangeSchema,
  },
  /** Undo of a correction: takes the given corrections (the last stored of each) out of entities.json; one not stored is not_found and nothing changes. */
  withdrawEntityCorrections: {
    input: WithdrawEntityCorrectionsInputSchema,
    output: EntityIndexSchema,
  },
  /** Redo of a correction: stores the given corrections again (checked like a new one). */
  restoreEntityCorrections: {
    input: EntityCorrectionsInputSchema,
    output: EntityIndexSchema,
  },
  /** Team sync through git (src/main/sync): the link, the last sync, what waits, conflicts to review. */
  getSyncStatus: {
    input: NoInput,
    output: SyncStatusSchema,
  },
  /** Syncs with the team remote now: commit, fetch, merge by id, push. */
  syncNow: {
    input: NoInput,
    output: SyncNowOutputSchema,
  },
  /** Forgets the conflicts once the coder has reviewed them. */
  dismissSyncConflicts: {
    input: NoInput,
    output: SyncStatusSchema,
  },
  /** Links the data folder to a team remote from the app (or moves it) and syncs once; a bad remote changes nothing here. */
  linkSyncRemote: {
    input: LinkSyncRemoteInputSchema,
    output: SyncNowOutputSchema,
  },
  /** Unlinks the data folder from its team remote and forgets the kept token; the data stays as it is. */
  unlinkSyncRemote: {
    input: NoInput,
    output: SyncStatusSchema,
  },
  /** The conflicts to review, each with the version the data holds now and the one set aside. */
  getSyncConflicts: {
    input: NoInput,
    output: z.object({ conflicts: z.array(SyncConflictReviewSchema) }),
  },
  /** Puts the set-aside version in place of the kept one (a set-aside deletion deletes it), and forgets the conflict. */
  restoreSyncConflict: {
    input: SyncConflictKeyInputSchema,
    output: RestoreSyncConflictOutputSchema,
  },
  /** Forgets one conflict, keeping the version the data holds. */
  dismissSyncConflict: {
    input: SyncConflictKeyInputSchema,
    output: SyncStatusSchema,
  },
} as const satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type { MethodName };
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

/** The whole API as the renderer sees it, whatever the transport. */
export type TriangulateApi = {
  [M in MethodName]: (input: Input<M>) => Promise<Output<M>>;
};

