/**
 * The payloads of the codebook and article-details calls of the contract
 * (saveTag, reorderTags, deleteTag, importCodebook, updateArticle), kept
 * here so contract.ts only lists them.
 */
import { z } from 'zod';
import { ArticleIdSchema, TagSchema } from '../model/model';

const TagIdSchema = TagSchema.shape.id;

/** Every tag of the codebook, in order, after a change. */
const CodebookSchema = z.array(TagSchema);

export const SaveTagInputSchema = z
  .object({
    /** The whole tag; without an id it is a new tag and gets one made from its name. */
    tag: TagSchema.extend({ id: TagIdSchema.optional() }).strict(),
  })
  .strict();

export const SaveTagOutputSchema = z.object({ codebook: CodebookSchema, tag: TagSchema });

export const ReorderTagsInputSchema = z.object({ ids: z.array(TagIdSchema).min(1).max(1_000) }).strict();

export const CodebookOutputSchema = z.object({ codebook: CodebookSchema });

export const DeleteTagInputSchema = z
  .object({
    id: TagIdSchema,
    /** What becomes of the annotations with this tag: deleted too, or moved to another tag. */
    annotations: z.union([z.literal('delete'), z.object({ moveTo: TagIdSchema }).strict()]),
  })
  .strict();

export const DeleteTagOutputSchema = z.object({
  codebook: CodebookSchema,
  moved: z.number().int().nonnegative(),
  deleted: z.number().int().nonnegative(),
});

export const ImportCodebookInputSchema = z.object({ file: z.unknown() }).strict();

export const ImportCodebookOutputSchema = z.object({
  codebook: CodebookSchema,
  added: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  kept: z.number().int().nonnegative(),
});

const optionalText = (max: number) => z.string().max(max).nullable().optional();

export const UpdateArticleInputSchema = z
  .object({
    id: ArticleIdSchema,
    title: z.string().max(1_000).optional(),
    outlet: optionalText(500),
    author: optionalText(1_000),
    /** YYYY-MM-DD, or null/empty for unknown. */
    date: optionalText(10),
    /** http(s) address, or null/empty for none. */
    url: optionalText(4_000),
    /** Language tag (en, de-CH), or null/empty for unknown. */
    language: optionalText(35),
    note: z.string().max(100_000).optional(),
  })
  .strict();
