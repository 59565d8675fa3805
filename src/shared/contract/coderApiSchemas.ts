/**
 * The contract's shapes for the coder (issue 16): who this data folder's
 * coder is, and choosing or changing it.
 */
import { z } from 'zod';
import { CoderColourSchema, CoderInitialsSchema, CoderNameSchema } from '../coders/coderProfile';

export const CoderOutputSchema = z.object({
  name: z.string(),
  /** Chosen initials, else null (the UI makes some from the name). */
  initials: z.string().nullable(),
  colour: z.string().nullable(),
  /** False until someone chose a name for this data folder: the app asks on its first start. */
  chosen: z.boolean(),
});

export const SetCoderInputSchema = z
  .object({
    name: CoderNameSchema,
    initials: CoderInitialsSchema.nullable().optional(),
    colour: CoderColourSchema.nullable().optional(),
  })
  .strict();

export const SetCoderOutputSchema = CoderOutputSchema.extend({
  /** Set when annotations by this name (or one differing only in case or spacing) are another coder's already. */
  warning: z.string().nullable(),
});

/**
 * Which coders to list: `articles: false` leaves each coder's article ids out (a screen that needs only
 * the names need not carry 100,000 ids per coder); by default they are given.
 */
export const ListCodersInputSchema = z.object({ articles: z.boolean().optional() }).strict();

/** Everyone who made annotations in the library, with how much. */
export const ListCodersOutputSchema = z.array(
  z.object({
    name: z.string(),
    annotations: z.number().int().nonnegative(),
    /** Articles holding at least one of their annotations, in library order; left out when asked with `articles: false`. */
    articleIds: z.array(z.string()).optional(),
  }),
);
