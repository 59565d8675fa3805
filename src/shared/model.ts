/**
 * Triangulate's domain model: articles, tags (the codebook) and annotations.
 * Pure data shapes and their zod schemas; no Node, DOM, Electron or React.
 */
import { z } from 'zod';

/** Version written into every file the store keeps; bumped on breaking changes. */
export const SCHEMA_VERSION = 1;

export const ArticleIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_.-]+$/, 'article ids are letters, digits, "_", "-" and "."');

export const TagSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(100),
  /** CSS colour, `#rrggbb`. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** Keyboard key 1–9 that applies the tag to a selection. */
  key: z.number().int().min(1).max(9).nullable(),
});
export type Tag = z.infer<typeof TagSchema>;

export const DEFAULT_CODEBOOK: readonly Tag[] = [
  { id: 'claim', name: 'Claim', color: '#f2b33d', key: 1 },
  { id: 'quote', name: 'Quote', color: '#5aa9e6', key: 2 },
  { id: 'source', name: 'Source', color: '#7bc67e', key: 3 },
];

/** What the library list needs about an article; kept in the store's index. */
export const ArticleMetaSchema = z.object({
  id: ArticleIdSchema,
  title: z.string(),
  /** ISO date `YYYY-MM-DD`, or null when unknown. */
  date: z.string().nullable(),
  outlet: z.string().nullable(),
  /** sha256 of the canonical text, hex. */
  hash: z.string(),
  /** Length of the canonical text in UTF-16 code units (JS string length). */
  length: z.number().int().nonnegative(),
  /** Where the article came from (a file name), for the record. */
  origin: z.string().nullable(),
});
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;

export const ArticleSchema = ArticleMetaSchema.extend({
  /** Canonical text: offsets of every annotation are over this string. */
  text: z.string(),
});
export type Article = z.infer<typeof ArticleSchema>;

/** Library row: metadata plus how many annotations of each tag id it holds. */
export const ArticleSummarySchema = ArticleMetaSchema.extend({
  counts: z.record(z.string(), z.number().int().nonnegative()),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

export const AnnotationSchema = z.object({
  id: z.string().min(1).max(100),
  articleId: ArticleIdSchema,
  tagId: z.string().min(1).max(64),
  /** Offsets over the article's canonical text, `start < end`. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** The quoted text and some context either side (TextQuoteSelector). */
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
  note: z.string(),
  creator: z.string(),
  /** ISO timestamps. */
  created: z.string(),
  modified: z.string(),
});
export type Annotation = z.infer<typeof AnnotationSchema>;
