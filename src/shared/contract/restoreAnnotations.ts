/**
 * What undo needs from the core (issue 4): what a deletion took away (the
 * annotation exactly as it was, the groups it belonged to as they were, the
 * credits it was part of), and the input of `restoreAnnotations`, which puts
 * such things back with the same ids, notes, attributes, creator and
 * timestamps (and offers rejected suggestions again).
 */
import { z } from 'zod';
import { GroupSchema, SourceLinkSchema } from '../crossArticle/crossArticle';
import { AnnotationSchema, ArticleIdSchema } from '../model/model';

export const RemovedAnnotationSchema = z.object({
  annotation: AnnotationSchema,
  /** The groups that held it, as they were just before the deletion. */
  groups: z.array(GroupSchema),
  /** The Quote→Source links that named it (deleted with it). */
  sourceLinks: z.array(SourceLinkSchema),
});
export type RemovedAnnotation = z.infer<typeof RemovedAnnotationSchema>;

export const RestoreAnnotationsInputSchema = z
  .object({
    /** Put back as given (replacing an annotation with the same id). */
    annotations: z.array(AnnotationSchema).max(10_000),
    /** Put back as given (replacing a group with the same id); members that no longer exist are left out. */
    groups: z.array(GroupSchema).max(10_000).optional(),
    /** Put back unless either end no longer exists or the same pair is already linked. */
    sourceLinks: z.array(SourceLinkSchema).max(10_000).optional(),
    /** Rejected suggestions to offer again (undo of a rejection). */
    unreject: z
      .array(z.object({ articleId: ArticleIdSchema, ids: z.array(z.string().min(1).max(200)).max(10_000) }).strict())
      .max(1_000)
      .optional(),
  })
  .strict();

export const RestoreAnnotationsOutputSchema = z.object({
  annotations: z.array(AnnotationSchema),
  groups: z.array(GroupSchema),
  sourceLinks: z.array(SourceLinkSchema),
});
