/**
 * The contract's shapes for intercoder agreement (issue 16): what the
 * researcher chooses, and the report src/shared/agreement computes.
 */
import { z } from 'zod';
import { AnnotationSchema, ArticleIdSchema, AttributeDefSchema, AttributeValueSchema, TagIdSchema, idSchema } from '../model/model';

export const ComputeAgreementInputSchema = z
  .object({
    /** Default: everyone who annotated the articles. */
    coders: z.array(z.string().min(1).max(100)).max(100).optional(),
    /** Tag ids or names; default: the whole codebook. */
    tags: z.array(z.string().min(1).max(200)).max(1_000).optional(),
    /** Default: every article each coder annotated. */
    articles: z.array(ArticleIdSchema).max(100_000).optional(),
    units: z.enum(['tokens', 'sentences']),
  })
  .strict();

const ReadingSchema = z.enum(['reliable', 'tentative', 'unreliable', 'undefined']);
const figure = z.number().nullable();

const AgreementFiguresSchema = z.object({
  alphaU: figure,
  alpha: figure,
  kappa: figure,
  fleissKappa: figure,
  percentAgreement: figure,
  units: z.number().int().nonnegative(),
  reading: z.object({ alphaU: ReadingSchema, alpha: ReadingSchema }),
});

const AttributeAgreementSchema = z.object({
  level: z.enum(['nominal', 'ordinal', 'interval', 'ratio']),
  alpha: figure,
  percentAgreement: figure,
  units: z.number().int().nonnegative(),
  reading: ReadingSchema,
});

export const AgreementReportSchema = z.object({
  coders: z.array(z.string()),
  articles: z.array(z.string()),
  unitKind: z.enum(['tokens', 'sentences']),
  overall: AgreementFiguresSchema,
  tags: z.record(
    z.string(),
    AgreementFiguresSchema.extend({
      spans: z.array(z.number().int().nonnegative()),
      attributes: z.record(z.string(), AttributeAgreementSchema),
    }),
  ),
  perArticle: z.array(
    z.object({
      articleId: z.string(),
      overall: AgreementFiguresSchema,
      tags: z.record(z.string(), AgreementFiguresSchema),
    }),
  ),
});

/** One article's codings for adjudication (shared/agreement/adjudication.ts). */
export const AdjudicationSchema = z.object({
  coders: z.array(z.string()),
  agreements: z.array(z.object({ key: z.string(), annotation: AnnotationSchema, coders: z.array(z.string()), settled: z.boolean() })),
  disagreements: z.array(
    z.object({
      key: z.string(),
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      versions: z.array(AnnotationSchema),
      settled: z.enum(['consensus', 'rejected']).nullable(),
      /** Who rejected it and when (null: before rejections were dated), while it is rejected. */
      rejection: z.object({ coder: z.string(), at: z.string().nullable() }).optional(),
    }),
  ),
  settled: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});

export const SettleDisagreementInputSchema = z
  .object({
    articleId: ArticleIdSchema,
    /** Coders' annotations copied into the consensus layer (one version, or every agreement). */
    take: z.array(idSchema(100)).max(10_000).optional(),
    /** A disagreement's key: settled by taking none of its versions. */
    reject: z.string().min(1).max(40).optional(),
    /** A coder's version adjusted before it is taken: its span, tag, attributes and note as the adjudicator set them. */
    edited: z
      .object({
        from: idSchema(100),
        start: z.number().int().nonnegative(),
        end: z.number().int().positive(),
        tagId: TagIdSchema,
        attributes: z.record(AttributeDefSchema.shape.id, AttributeValueSchema).optional(),
        note: z.string().max(100_000).optional(),
      })
      .strict()
      .optional(),
    /** A rejected disagreement's key: open again (undoing a rejection). */
    unreject: z.string().min(1).max(40).optional(),
  })
  .strict();

/** What settling did, for undo: the consensus annotations it made, and the article's adjudication afresh. */
export const SettleDisagreementOutputSchema = AdjudicationSchema.extend({
  created: z.array(AnnotationSchema),
});
