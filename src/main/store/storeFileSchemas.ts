/**
 * The shapes of the files in a Triangulate data folder, and the check each
 * file passes when it is read:
 *   index.json                 { schemaVersion, articles, codebook, settings }
 *   texts/<articleId>.json      { schemaVersion, id, text }
 *   texts/<articleId>@v<n>.json   { schemaVersion, id, text } (version n ≥ 2 of the text)
 *   annotations/<articleId>.json { schemaVersion, articleId, annotations, rejectedSuggestions?, rejectedBy?,
 *                                  rejectedDisagreements?, textVersion?, unanchored? }
 *   links.json                  { schemaVersion, groups, sourceLinks }
 *   entities.json               { schemaVersion, corrections } (the people index's corrections, in order)
 */
import { z } from 'zod';
import { formatZodIssues } from '../../shared/contract/formatZodIssues';
import { GroupSchema, SourceLinkSchema } from '../../shared/crossArticle/crossArticle';
import { EntityCorrectionSchema } from '../../shared/crossArticle/entitySchemas';
import { DisagreementRejectionSchema } from '../../shared/agreement/adjudication';
import {
  AnnotationSchema,
  ArticleIdSchema,
  ArticleMetaSchema,
  SCHEMA_VERSION,
  TagSchema,
  UnanchoredAnnotationSchema,
} from '../../shared/model/model';

const SchemaVersionSchema = z.number().int().min(1).max(SCHEMA_VERSION);

const unique = <T>(items: readonly T[], key: (item: T) => string): boolean =>
  new Set(items.map(key)).size === items.length;

export const IndexFileSchema = z.object({
  schemaVersion: SchemaVersionSchema,
  articles: z.array(ArticleMetaSchema).refine((list) => unique(list, (a) => a.id), 'article ids must be unique'),
  codebook: z.array(TagSchema).refine((list) => unique(list, (t) => t.id), 'tag ids must be unique'),
  settings: z.object({
    /** The coder: creator of new annotations, groups and credits. */
    creator: z.string(),
    /** True once someone chose the coder's name (absent in folders from before coders: the app asks). */
    coderChosen: z.boolean().optional(),
    coderInitials: z.string().nullable().optional(),
    coderColour: z.string().nullable().optional(),
  }),
});
export type IndexFile = z.infer<typeof IndexFileSchema>;

export const TextFileSchema = z.object({
  schemaVersion: SchemaVersionSchema,
  id: ArticleIdSchema,
  text: z.string(),
});
export type TextFile = z.infer<typeof TextFileSchema>;

export const AnnotationFileSchema = z.object({
  schemaVersion: SchemaVersionSchema,
  articleId: ArticleIdSchema,
  annotations: z.array(AnnotationSchema),
  /** Ids of the suggestions the user rejected (absent in files written before suggestions existed). */
  rejectedSuggestions: z.array(z.string().min(1).max(200)).default([]),
  /** Who rejected a suggestion and when, by suggestion id (absent for rejections from before coders). */
  rejectedBy: z.record(z.string().min(1).max(200), z.object({ coder: z.string(), at: z.string() })).default({}),
  /**
   * Disagreements the adjudicator rejected (issue 16), with coder and time. Older files kept them as
   * `adjudicated:<key>` among rejectedSuggestions: the store moves those over when it reads the file.
   */
  rejectedDisagreements: z.array(DisagreementRejectionSchema).default([]),
  /**
   * The version of the article's text the annotations' offsets are over (absent: 1). Older than the
   * article's current version after a crash between storing a new version and re-anchoring onto it: the
   * store re-anchors when it reads the file.
   */
  textVersion: z.number().int().min(1).default(1),
  /** Annotations a newer version of the text no longer holds, each with the version it belongs to. */
  unanchored: z.array(UnanchoredAnnotationSchema).default([]),
});
export type AnnotationFile = z.infer<typeof AnnotationFileSchema>;

/** Cross-article data: groups of annotations followed across articles, and Quote→Source links. */
export const LinksFileSchema = z.object({
  schemaVersion: SchemaVersionSchema,
  groups: z.array(GroupSchema).refine((list) => unique(list, (g) => g.id), 'group ids must be unique'),
  sourceLinks: z.array(SourceLinkSchema).refine((list) => unique(list, (l) => l.id), 'source link ids must be unique'),
});
export type LinksFile = z.infer<typeof LinksFileSchema>;

/** The researcher's corrections of the people-and-organisations index, replayed in order (buildEntityIndex). */
export const EntitiesFileSchema = z.object({
  schemaVersion: SchemaVersionSchema,
  corrections: z.array(EntityCorrectionSchema).max(100_000),
});
export type EntitiesFile = z.infer<typeof EntitiesFileSchema>;

/**
 * Validates one file's parsed JSON. Throws an Error whose message completes
 * the sentence "<file> …": written by a newer version, or the wrong shape.
 */
export function parseStoreFile<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new Error(
      `was written by a newer version of Triangulate (schema version ${version}; this version reads up to ${SCHEMA_VERSION})`,
    );
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`does not have the expected shape (${formatZodIssues(result.error)})`);
  return result.data;
}
