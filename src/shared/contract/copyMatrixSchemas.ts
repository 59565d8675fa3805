/**
 * The "who copies whom" call (getCopyMatrix): for each pair of articles, the
 * share of each one's words found nearly verbatim in the other
 * (shared/alignment/copyMatrix.ts), and the clusters of heavy reuse.
 */
import { z } from 'zod';
import { ArticleIdSchema } from '../model/model';

export const GetCopyMatrixInputSchema = z
  .object({
    /** The articles to compare; omitted = the whole library. */
    articleIds: z.array(ArticleIdSchema).min(2).max(100_000).optional(),
    /** Most articles shown (the most connected are kept). Default 60. */
    limit: z.number().int().min(2).max(200).optional(),
    /** Share (0–1) of either article's words from which a pair joins a cluster. Default 0.5. */
    clusterAt: z.number().min(0.05).max(1).optional(),
  })
  .strict();

const ShareSchema = z.number().min(0).max(1);
const OffsetSchema = z.number().int().nonnegative();

export const CopyMatrixSchema = z.object({
  /** The articles shown, by date (undated last); `cluster` indexes `clusters`. */
  articles: z.array(
    z.object({
      id: ArticleIdSchema,
      title: z.string(),
      outlet: z.string().nullable(),
      date: z.string().nullable(),
      words: z.number().int().nonnegative(),
      cluster: z.number().int().nonnegative().nullable(),
    }),
  ),
  /** Pairs sharing text (a < b, indices into `articles`); a pair not listed shares nothing. */
  pairs: z.array(
    z.object({
      a: z.number().int().nonnegative(),
      b: z.number().int().nonnegative(),
      aWords: z.number().int().nonnegative(),
      aShare: ShareSchema,
      bWords: z.number().int().nonnegative(),
      bShare: ShareSchema,
      passages: z.array(z.object({ aStart: OffsetSchema, aEnd: OffsetSchema, bStart: OffsetSchema, bEnd: OffsetSchema })),
    }),
  ),
  clusters: z.array(z.array(z.number().int().nonnegative())),
  /** Articles looked at before keeping the most connected. */
  considered: z.number().int().nonnegative(),
  clusterAt: ShareSchema,
});
