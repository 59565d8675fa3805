/**
 * The shapes of the people-and-organisations index (issue 15): an entity as
 * listed (canonical name, kind, the other names the articles use, counts),
 * one quote credited to it, and the researcher's corrections kept in the
 * data folder (entities.json) and replayed over the detected index in order:
 *   merge  — `from` becomes part of `into` (its name becomes an alias; its id
 *            keeps answering for `into`)
 *   rename — the canonical name (the old one stays an alias)
 *   kind   — person, organisation, outlet or document
 *   split  — an alias becomes an entity of its own (id `newId`), taking the
 *            quotes credited by that name
 * Entity ids follow the project's id rule (idSchema).
 */
import { z } from 'zod';
import { ArticleIdSchema, idSchema } from '../model/model';

export const ENTITY_ID_MAX = 100;
/** Longest canonical name or alias a researcher may give. */
export const ENTITY_NAME_MAX = 200;

export const EntityIdSchema = idSchema(ENTITY_ID_MAX);
export const EntityKindSchema = z.enum(['person', 'organisation', 'outlet', 'document']);
export type EntityKind = z.infer<typeof EntityKindSchema>;

const NameSchema = z
  .string()
  .trim()
  .min(1, 'a name may not be empty')
  .max(ENTITY_NAME_MAX, `a name has at most ${ENTITY_NAME_MAX} characters`)
  .refine((name) => !/\p{Cc}/u.test(name), 'a name may not hold line breaks or control characters');

export const EntityCorrectionSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('merge'), into: EntityIdSchema, from: EntityIdSchema }).strict(),
  z.object({ op: z.literal('rename'), id: EntityIdSchema, name: NameSchema }).strict(),
  z.object({ op: z.literal('kind'), id: EntityIdSchema, kind: EntityKindSchema }).strict(),
  z.object({ op: z.literal('split'), id: EntityIdSchema, alias: NameSchema, newId: EntityIdSchema }).strict(),
]);
export type EntityCorrection = z.infer<typeof EntityCorrectionSchema>;

export const EntitySchema = z.object({
  id: EntityIdSchema,
  /** The canonical name: the fullest the articles use, or the researcher's. */
  name: z.string(),
  kind: EntityKindSchema,
  /** The other ways the articles (and the researcher's annotations) name it. */
  aliases: z.array(z.string()),
  /** Detected quotes credited to it. */
  quotes: z.number().int().nonnegative(),
  /** Stored Quote/Source annotations whose speaker or name attribute names it. */
  annotations: z.number().int().nonnegative(),
  /** The articles it is credited in (detected or annotated). */
  articles: z.array(ArticleIdSchema),
});
export type Entity = z.infer<typeof EntitySchema>;

export const EntityIndexSchema = z.object({
  entities: z.array(EntitySchema),
  /** Corrections that no longer apply to the corpus (an id no longer found), one line each. */
  problems: z.array(z.string()),
});
export type EntityIndexOutput = z.infer<typeof EntityIndexSchema>;

/** One quote credited to an entity: detected (annotationId null) or a stored annotation. */
export const EntityQuoteSchema = z.object({
  articleId: ArticleIdSchema,
  articleTitle: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  exact: z.string(),
  /** How the article (or the researcher) named the speaker there. */
  said: z.string(),
  annotationId: z.string().nullable(),
});
export type EntityQuote = z.infer<typeof EntityQuoteSchema>;

export const EntityQuotesSchema = z.object({
  entity: EntitySchema,
  quotes: z.array(EntityQuoteSchema),
});

export const MergeEntitiesInputSchema = z.object({ into: EntityIdSchema, from: z.array(EntityIdSchema).min(1).max(1000) }).strict();
export const RenameEntityInputSchema = z.object({ id: EntityIdSchema, name: NameSchema }).strict();
export const SetEntityKindInputSchema = z.object({ id: EntityIdSchema, kind: EntityKindSchema }).strict();
export const SplitEntityInputSchema = z.object({ id: EntityIdSchema, alias: NameSchema }).strict();
/**
 * What a correction answers: the new index, the entity it concerns (the split-off one for a split), and the
 * corrections it stored (undo withdraws them; redo restores them).
 */
export const EntityChangeSchema = EntityIndexSchema.extend({ id: EntityIdSchema, corrections: z.array(EntityCorrectionSchema) });
/** Corrections to withdraw from entities.json (undo) or to store again as they were (redo). */
export const EntityCorrectionsInputSchema = z.object({ corrections: z.array(EntityCorrectionSchema).min(1).max(1000) }).strict();
/**
 * Undo of corrections (withdrawEntityCorrections). With `refuseIfLaterBreak` (the command line's undo, which
 * may run after the app made corrections of its own) it is refused, and nothing changes, when a correction
 * stored after them would no longer apply without them.
 */
export const WithdrawEntityCorrectionsInputSchema = z
  .object({ corrections: EntityCorrectionsInputSchema.shape.corrections, refuseIfLaterBreak: z.boolean().optional() })
  .strict();
