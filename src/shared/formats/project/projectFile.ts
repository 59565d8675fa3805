/**
 * Triangulate's own complete export, the `project` file: everything a data
 * folder holds that a colleague or a new computer needs, in one JSON value.
 * Articles (text and every metadata field) carry their own annotations and
 * rejected-suggestion decisions (and, for an article with several versions of
 * its text, the older texts and the annotations kept with them), so a writer
 * can go article by article; the
 * codebook, the library's creator, groups and Quote→Source links come first.
 * `articles` is the last key on purpose: a streamed file is the same bytes
 * as the value written at once.
 *
 * The people index (issue 15): an annotation that credits someone (a Quote's
 * speaker, a Source's name) carries `speakerId` and `speakerName`, the
 * entity's id and canonical name at export time — for whoever reads the
 * file; an import ignores them and derives them again. What makes them come
 * back is `entityCorrections`, the index's corrections (merge, rename, kind,
 * split) in order, which an import adds to the library's. Files written
 * before either existed read as they always did.
 */
import { z } from 'zod';
import { GroupSchema, ImportReportSchema, SourceLinkSchema } from '../../crossArticle/crossArticle';
import { AnnotationSchema, ArticleSchema, TagSchema, UnanchoredAnnotationSchema } from '../../model/model';
import { DisagreementRejectionSchema } from '../../agreement/adjudication';
import { EntityCorrectionSchema } from '../../crossArticle/entitySchemas';

/** The marker that tells a project file from any other JSON. */
export const PROJECT_FORMAT = 'triangulate-project';
/** Bumped when the file's shape changes in a way older readers cannot follow. */
export const PROJECT_VERSION = 1;

/** Whom an annotation credits, by the people index at export time (absent: no one; no id: no entity known). */
const SpeakerFields = {
  speakerId: z.string().optional(),
  speakerName: z.string().optional(),
};
export const ProjectAnnotationSchema = AnnotationSchema.extend(SpeakerFields);
export type ProjectAnnotation = z.infer<typeof ProjectAnnotationSchema>;

export const ProjectArticleSchema = ArticleSchema.extend({
  /** Annotations over `text`, the current version of the article's text (the last of `versions`, or 1). */
  annotations: z.array(ProjectAnnotationSchema),
  /** Ids of the article's suggestions that were rejected. */
  rejectedSuggestions: z.array(z.string().min(1).max(200)),
  /** With `versions`: the texts of the older versions, oldest first (version 1, 2, … before the current one). */
  versionTexts: z.array(z.string()).optional(),
  /** With `versions`: annotations a newer version no longer holds, each over the text of its `version`. */
  unanchored: z.array(UnanchoredAnnotationSchema.extend(SpeakerFields)).optional(),
  /** Disagreements the adjudicator rejected, with coder and time (issue 16; absent when none). */
  rejectedDisagreements: z.array(DisagreementRejectionSchema).optional(),
});
export type ProjectArticle = z.infer<typeof ProjectArticleSchema>;

export const ProjectFileSchema = z.object({
  format: z.literal(PROJECT_FORMAT),
  version: z.literal(PROJECT_VERSION),
  /** ISO timestamp of the export. */
  generated: z.string(),
  /** The library's creator setting (who annotates by default). */
  creator: z.string(),
  codebook: z.array(TagSchema),
  groups: z.array(GroupSchema),
  sourceLinks: z.array(SourceLinkSchema),
  /** The people index's corrections, in the order made (absent: none). */
  entityCorrections: z.array(EntityCorrectionSchema).optional(),
  articles: z.array(ProjectArticleSchema),
});
export type ProjectFile = z.infer<typeof ProjectFileSchema>;

/** The parts of a project file before its articles, in the order they are written. */
export type ProjectHead = Omit<ProjectFile, 'articles'>;

/** What importing a project did: the W3C report's counts plus articles, tags and notes. */
export const ProjectImportReportSchema = ImportReportSchema.extend({
  articlesImported: z.number().int().nonnegative(),
  tagsImported: z.number().int().nonnegative(),
  rejectedSuggestionsImported: z.number().int().nonnegative(),
  /** Things kept as they were in the library rather than taken from the file (a tag defined differently, say). */
  notes: z.array(z.string()),
  /** Corrections of the people index the library did not hold yet (absent in reports of files without any). */
  entityCorrectionsImported: z.number().int().nonnegative().optional(),
});
export type ProjectImportReport = z.infer<typeof ProjectImportReportSchema>;

/** Whether a JSON value claims to be a project file (by its marker), however broken the rest. */
export function isProjectFile(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === PROJECT_FORMAT;
}
