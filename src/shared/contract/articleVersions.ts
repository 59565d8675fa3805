/**
 * The calls about the versions of an article's text (an import of the same
 * page with a changed text adds one): the version list with the annotations
 * newer versions no longer hold, one version's text, and a word diff of two.
 */
import { z } from 'zod';
import type { VersionDiff } from '../anchoring/diffVersions';
import { AnnotationSchema, ArticleIdSchema, ArticleVersionSchema, UnanchoredAnnotationSchema } from '../model/model';

const VersionNumberSchema = z.number().int().min(1).max(1_000);

export const GetArticleVersionsInputSchema = z.object({ articleId: ArticleIdSchema }).strict();
export const ArticleVersionsSchema = z.object({
  /** Every version, oldest first; the last is the current one (one entry while there is one version). */
  versions: z.array(ArticleVersionSchema),
  current: VersionNumberSchema,
  /** Annotations a newer version no longer holds, each with the version whose text its offsets are over. */
  unanchored: z.array(UnanchoredAnnotationSchema),
});

export const GetArticleVersionTextInputSchema = z.object({ articleId: ArticleIdSchema, version: VersionNumberSchema }).strict();
export const ArticleVersionTextSchema = z.object({
  version: VersionNumberSchema,
  text: z.string(),
  /**
   * The annotations that belong to this version, over its text (annotationsOnVersion): those kept with it,
   * and those made on it that later versions carried (found again in it). For the current version, its annotations.
   */
  annotations: z.array(AnnotationSchema.extend({ keptHere: z.boolean() })),
});

export const DiffArticleVersionsInputSchema = z
  .object({ articleId: ArticleIdSchema, from: VersionNumberSchema, to: VersionNumberSchema })
  .strict();
const VersionDiffPartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('same'), text: z.string() }),
  z.object({ kind: z.literal('added'), text: z.string() }),
  z.object({ kind: z.literal('removed'), text: z.string() }),
  z.object({ kind: z.literal('reworded'), from: z.string(), to: z.string() }),
]);
export const VersionDiffSchema = z.object({
  parts: z.array(VersionDiffPartSchema),
  added: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  reworded: z.number().int().nonnegative(),
}) satisfies z.ZodType<VersionDiff>;
