/**
 * The cross-article model (issue 3): suggestions drawn from quote detection,
 * passage alignment across articles, groups that follow one quote or claim
 * through the corpus, Quote→Source links, and the coverage matrix.
 */
import { z } from 'zod';
import { ArticleIdSchema, AttributeValueSchema, TagIdSchema, idSchema } from '../model/model';

/** Points at one annotation anywhere in the corpus. */
export const AnnotationRefSchema = z.object({
  articleId: ArticleIdSchema,
  annotationId: idSchema(100),
});
export type AnnotationRef = z.infer<typeof AnnotationRefSchema>;

/** One quote or claim followed across articles: a label and its member annotations. */
export const GroupSchema = z.object({
  id: idSchema(100),
  label: z.string().max(500),
  members: z.array(AnnotationRefSchema),
  /** The coder who made it (absent in files from before coders). */
  creator: z.string().max(100).optional(),
  created: z.string(),
  modified: z.string(),
});
export type Group = z.infer<typeof GroupSchema>;

/** A Quote annotation credited by a Source annotation (same article). */
export const SourceLinkSchema = z.object({
  id: idSchema(100),
  quote: AnnotationRefSchema,
  source: AnnotationRefSchema,
  /** The coder who made it (absent in files from before coders). */
  creator: z.string().max(100).optional(),
  created: z.string(),
});
export type SourceLink = z.infer<typeof SourceLinkSchema>;

/**
 * A suggested annotation: a detected quote (tag "quote") or its attribution
 * (tag "source"). `id` is stable for the same text: `<tagId>:<start>:<end>`.
 */
export const SuggestionSchema = z.object({
  id: z.string().min(1).max(200),
  articleId: ArticleIdSchema,
  tagId: TagIdSchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  exact: z.string(),
  /** For a quote: who said it and the attribution words, when found. */
  speaker: z.string().nullable(),
  cue: z.string().nullable(),
  /** For a source suggestion: the id of the quote suggestion it credits. */
  credits: z.string().nullable(),
  /** What detection found, as the tag's attribute values to keep on accepting (quote: speaker, form; source: name, reached). */
  attributes: z.record(z.string(), AttributeValueSchema).optional(),
  /** Why this speaker: "‘he’ → Boris Bondarev, named two sentences earlier"; null when the speaker is named in place. */
  why: z.string().nullable().optional(),
  /** False for quotation marks that are likely not speech (a title, a scare quote, markup): ranked last. */
  speech: z.boolean().optional(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const AlignedPassageSchema = z.object({
  article: ArticleIdSchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  exact: z.string(),
});
export const AlignedGroupSchema = z.object({
  /** Stable within one result: `a<index>`. */
  id: z.string(),
  passages: z.array(AlignedPassageSchema),
});
export type AlignedGroupResult = z.infer<typeof AlignedGroupSchema>;

/** One article's share of a group in the coverage matrix. */
export const CoverageCellSchema = z.object({
  annotationId: z.string(),
  tagId: z.string(),
  exact: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** 1-based paragraph number (non-empty lines of the canonical text). */
  paragraph: z.number().int().positive(),
  /** Text of the Source annotation(s) linked to this Quote (joined "; ", in text order); null when none is linked. */
  creditedTo: z.string().nullable(),
  /** The people index's ids of whom creditedTo names (absent when none is known). */
  creditedIds: z.array(z.string()).optional(),
  /** Who the article has say the words: the annotation's Speaker attribute, else the quote detector's speaker (absent: not read). */
  speaker: z.string().nullable().optional(),
  /** The attribution words as written ("told Reuters"), from the quote detector. */
  cue: z.string().nullable().optional(),
  /** The channel the article credits ("Reuters", "LinkedIn", "the AP"), from the cue or an "according to". */
  channel: z.string().nullable().optional(),
  /** The wording against the row's reference (its earliest wording in publication order; quoteDrift's rules). */
  drift: z
    .object({
      reference: z.boolean(),
      added: z.number().int().nonnegative(),
      dropped: z.number().int().nonnegative(),
      changed: z.number().int().nonnegative(),
      /** Only drops words: a cut-down fragment of the reference. */
      fragment: z.boolean(),
      /** Keeps little of the reference's wording: likely translated or paraphrased. */
      translated: z.boolean(),
    })
    .optional(),
});
export type CoverageCell = z.infer<typeof CoverageCellSchema>;

export const CoverageRowSchema = z.object({
  groupId: z.string(),
  label: z.string(),
  /** Cells per article id; articles that do not carry the group are absent. */
  cells: z.record(z.string(), z.array(CoverageCellSchema)),
  /**
   * Set when the row is one Quote or Claim annotation rather than a group (getCoverage with rows
   * "annotations"): its cells are the annotation and the members of the groups it belongs to, and
   * groupId is the first of those groups ("" when it belongs to none).
   */
  annotation: z.object({ articleId: ArticleIdSchema, annotationId: z.string(), tagId: z.string() }).optional(),
});
export type CoverageRow = z.infer<typeof CoverageRowSchema>;

export const CoverageMatrixSchema = z.object({
  articles: z.array(z.object({ id: ArticleIdSchema, title: z.string(), date: z.string().nullable(), outlet: z.string().nullable() })),
  rows: z.array(CoverageRowSchema),
});
export type CoverageMatrix = z.infer<typeof CoverageMatrixSchema>;

export const ImportReportSchema = z.object({
  annotationsImported: z.number().int().nonnegative(),
  annotationsSkipped: z.number().int().nonnegative(),
  /** Of the imported annotations, those anchored where the text differs slightly from their quote. */
  annotationsApproximate: z.number().int().nonnegative().default(0),
  groupsImported: z.number().int().nonnegative(),
  linksImported: z.number().int().nonnegative(),
  /** One line per item that could not be anchored or was refused, naming it and why. */
  problems: z.array(z.string()),
  /** What was read but not used, or found another way (an ignored RangeSelector, an article found by its quote), one line each. */
  notes: z.array(z.string()).default([]),
  /** Tag names the codebook does not have, with how many items carry each (0: a project's unused tag): to map onto the codebook or create. */
  unknownTags: z.array(z.object({ name: z.string(), items: z.number().int().nonnegative() })).default([]),
  /** Names of the tags added to the codebook (createTags). */
  tagsCreated: z.array(z.string()).default([]),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;
