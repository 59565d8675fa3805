/**
 * Triangulate's domain model: articles, tags (the codebook) and annotations.
 * Pure data shapes and their zod schemas; no Node, DOM, Electron or React.
 */
import { z } from 'zod';
import {
  ANNOTATION_ID_MAX,
  ARTICLE_ID_MAX,
  ARTICLE_ID_MESSAGE,
  ARTICLE_ID_PATTERN,
  ID_MESSAGE,
  ID_PATTERN,
  RESERVED_ID_MESSAGE,
  TAG_ID_MAX,
  isReservedId,
} from './idFormat';

/** Version written into every file the store keeps; bumped on breaking changes. */
export const SCHEMA_VERSION = 1;

export const ArticleIdSchema = z
  .string()
  .min(1)
  .max(ARTICLE_ID_MAX)
  .regex(ARTICLE_ID_PATTERN, ARTICLE_ID_MESSAGE)
  .refine((id) => !isReservedId(id), RESERVED_ID_MESSAGE);

/** Any other id (annotation, tag, group, link): the one rule of idFormat.ts, at most `max` characters. */
export function idSchema(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .regex(ID_PATTERN, ID_MESSAGE)
    .refine((id) => !isReservedId(id), RESERVED_ID_MESSAGE);
}

export const TagIdSchema = idSchema(TAG_ID_MAX);
export const AnnotationIdSchema = idSchema(ANNOTATION_ID_MAX);

/** The kinds of value an attribute holds: free text, one of a list, yes/no, a number. */
export const AttributeTypeSchema = z.enum(['text', 'choice', 'boolean', 'number']);
export type AttributeType = z.infer<typeof AttributeTypeSchema>;

/** An attribute a tag's annotations carry, declared in the codebook. */
export const AttributeDefSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'attribute ids are letters, digits, "_" and "-"')
    .refine((id) => !isReservedId(id), RESERVED_ID_MESSAGE),
  name: z.string().min(1).max(100),
  type: AttributeTypeSchema,
  /** The values a `choice` attribute may take (empty for the other types). */
  options: z.array(z.string().min(1).max(100)).max(100).default([]),
});
export type AttributeDef = z.infer<typeof AttributeDefSchema>;

/** One attribute's value on an annotation. */
export const AttributeValueSchema = z.union([z.string().max(10_000), z.number().finite(), z.boolean()]);
export type AttributeValue = z.infer<typeof AttributeValueSchema>;

export const TagSchema = z.object({
  id: TagIdSchema,
  name: z.string().min(1).max(100),
  /** CSS colour, `#rrggbb`. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** Keyboard key 1–9 that applies the tag to a selection. */
  key: z.number().int().min(1).max(9).nullable(),
  /** What the tag is for, shown to annotators (absent in files written before codebooks were editable). */
  description: z.string().max(5_000).default(''),
  attributes: z.array(AttributeDefSchema).max(50).default([]),
});
export type Tag = z.infer<typeof TagSchema>;

export const DEFAULT_CODEBOOK: readonly Tag[] = [
  {
    id: 'claim',
    name: 'Claim',
    color: '#f2b33d',
    key: 1,
    description: 'A statement of fact or opinion the article makes or reports.',
    attributes: [
      { id: 'checkable', name: 'Checkable', type: 'boolean', options: [] },
      { id: 'stance', name: 'Stance', type: 'choice', options: ['supports', 'disputes', 'neutral'] },
    ],
  },
  {
    id: 'quote',
    name: 'Quote',
    color: '#5aa9e6',
    key: 2,
    description: 'Words the article attributes to someone.',
    attributes: [
      { id: 'speaker', name: 'Speaker', type: 'text', options: [] },
      { id: 'form', name: 'Direct or indirect', type: 'choice', options: ['direct', 'indirect'] },
    ],
  },
  {
    id: 'source',
    name: 'Source',
    color: '#7bc67e',
    key: 3,
    description: 'Who is credited for information, and how they were reached.',
    attributes: [
      { id: 'name', name: 'Name', type: 'text', options: [] },
      {
        id: 'kind',
        name: 'Kind',
        type: 'choice',
        options: ['wire agency', 'newspaper', 'broadcaster', 'social media', 'official', 'anonymous', 'document'],
      },
      { id: 'reached', name: 'How reached', type: 'choice', options: ['phone', 'email', 'statement', 'interview', 'social post'] },
    ],
  },
];

/**
 * One version of an article's text: an import of the same page (same canonical web address) whose text
 * changed adds one. Version 1's text is texts/<id>.json, version n's texts/<id>@v<n>.json (article ids
 * hold no "@"); files once written never change.
 */
export const ArticleVersionSchema = z.object({
  version: z.number().int().min(1),
  /** sha256 of this version's canonical text, hex. */
  hash: z.string(),
  length: z.number().int().nonnegative(),
  /** Where this version came from (a file name or web address). */
  origin: z.string().max(1_000).nullable(),
  /** ISO timestamp of the import that brought it in (null for version 1 of an article imported before versions existed). */
  imported: z.string().nullable(),
});
export type ArticleVersion = z.infer<typeof ArticleVersionSchema>;

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
  /** Editable metadata (absent in files written before it was editable). */
  author: z.string().max(1_000).nullable().default(null),
  url: z.string().max(4_000).nullable().default(null),
  /** Language tag such as `en` or `de-CH`, or null when unknown. */
  language: z.string().max(35).nullable().default(null),
  /** The researcher's note on the whole article. */
  note: z.string().max(100_000).default(''),
  /** The standfirst (dek) its source gave, when imported from a web page or export that has one. */
  standfirst: z.string().max(2_000).nullable().optional(),
  /** `YYYY-MM-DD` of the last change its source declared. */
  modified: z.string().nullable().optional(),
  /**
   * Every version of the text, oldest first, the last being the current one (hash and length above); absent
   * while the article has one version.
   */
  versions: z
    .array(ArticleVersionSchema)
    .min(2)
    .max(1_000)
    .refine((list) => list.every((v, i) => v.version === i + 1), 'versions are numbered 1, 2, 3… in order')
    .optional(),
});
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;

export const ArticleSchema = ArticleMetaSchema.extend({
  /** Canonical text: offsets of every annotation are over this string. */
  text: z.string(),
});
export type Article = z.infer<typeof ArticleSchema>;

/**
 * Library row: what the library shows of an article (the rest of its
 * metadata comes with getArticle) plus how many annotations of each tag id it
 * holds. Kept small: 10,000 of them are sent when the library opens.
 */
export const ArticleSummarySchema = ArticleMetaSchema.pick({ id: true, title: true, date: true, outlet: true, author: true }).extend({
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /** How many versions of its text the library holds, when more than one. */
  versions: z.number().int().min(2).optional(),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

export const AnnotationSchema = z.object({
  id: AnnotationIdSchema,
  articleId: ArticleIdSchema,
  tagId: TagIdSchema,
  /** Offsets over the article's canonical text, `start < end`. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** The quoted text and some context either side (TextQuoteSelector). */
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
  note: z.string(),
  /** Values of the tag's attributes, by attribute id (absent in files written before attributes existed). */
  attributes: z.record(AttributeDefSchema.shape.id, AttributeValueSchema).default({}),
  creator: z.string(),
  /** ISO timestamps. */
  created: z.string(),
  modified: z.string(),
  /** The coder of the last change to its tag, attributes or note (absent: never changed since `creator` made it). */
  modifiedBy: z.string().optional(),
});
export type Annotation = z.infer<typeof AnnotationSchema>;

/** The current version of an article's text (1 while it has one). */
export function currentVersion(meta: Pick<ArticleMeta, 'versions'>): number {
  return meta.versions?.length ?? 1;
}

/**
 * An annotation that could not be found again in a newer version of its article's text: kept with the
 * version whose text its offsets are over, listed in the reader and in exports, never dropped.
 */
export const UnanchoredAnnotationSchema = AnnotationSchema.extend({ version: z.number().int().min(1) });
export type UnanchoredAnnotation = z.infer<typeof UnanchoredAnnotationSchema>;
