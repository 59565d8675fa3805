/**
 * Export of annotations in the W3C Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/): an AnnotationCollection whose
 * `items` are
 * - tagging Annotations, one per annotation: a tagging body, a commenting
 *   body (the note) and a target holding a TextQuoteSelector and a
 *   TextPositionSelector over the article's canonical text;
 * - linking Annotations, one per group (a describing body with the label,
 *   the members' annotation IRIs as targets) and one per Quote→Source link
 *   (`"triangulate:relation": "creditedBy"`, targets [quote, source]).
 */
import { z } from 'zod';
import type { Group, SourceLink } from '../../crossArticle/crossArticle';
import { AttributeValueSchema, type Annotation, type ArticleMeta, type Tag } from '../../model/model';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The IRI that identifies an article in exported annotations. */
export function articleSourceIri(articleId: string): string {
  return `urn:triangulate:article:${articleId}`;
}

export function annotationIri(annotationId: string): string {
  return `urn:triangulate:annotation:${annotationId}`;
}

export function groupIri(groupId: string): string {
  return `urn:triangulate:group:${groupId}`;
}

export function sourceLinkIri(linkId: string): string {
  return `urn:triangulate:link:${linkId}`;
}

/** The relation a Quote→Source linking annotation states: the quote is credited by the source. */
export const CREDITED_BY = 'creditedBy';

const TextualBodySchema = z.object({
  type: z.literal('TextualBody'),
  purpose: z.enum(['tagging', 'commenting']),
  value: z.string(),
  format: z.literal('text/plain'),
});

const TextQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
});

const TextPositionSelectorSchema = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

/** One annotation of a passage with a tag (and the note as a comment). */
export const W3CTaggingAnnotationSchema = z.object({
  '@context': z.literal(W3C_CONTEXT),
  id: z.string(),
  type: z.literal('Annotation'),
  motivation: z.literal('tagging'),
  created: z.string(),
  modified: z.string(),
  creator: z.object({ type: z.literal('Person'), name: z.string() }),
  body: z.array(TextualBodySchema),
  target: z.object({
    source: z.string(),
    /** Extension: the article's title and content hash, for readers of the file. */
    'triangulate:title': z.string(),
    'triangulate:sha256': z.string(),
    selector: z.tuple([TextQuoteSelectorSchema, TextPositionSelectorSchema]),
  }),
  /** Extension: the tag's stable id in the codebook (the body holds its name). */
  'triangulate:tagId': z.string(),
  /** Extension: the annotation's attribute values by attribute id (absent in files written before attributes existed). */
  'triangulate:attributes': z.record(z.string(), AttributeValueSchema).optional(),
});
export type W3CTaggingAnnotation = z.infer<typeof W3CTaggingAnnotationSchema>;

const DescribingBodySchema = z.object({
  type: z.literal('TextualBody'),
  purpose: z.literal('describing'),
  value: z.string(),
  format: z.literal('text/plain'),
});

/** A group (targets: its members) or a Quote→Source link (targets: [quote, source]). */
export const W3CLinkingAnnotationSchema = z.object({
  '@context': z.literal(W3C_CONTEXT),
  id: z.string(),
  type: z.literal('Annotation'),
  motivation: z.literal('linking'),
  created: z.string(),
  modified: z.string(),
  /** A group's label; absent on a source link. */
  body: z.array(DescribingBodySchema).optional(),
  /** Annotation IRIs. */
  target: z.array(z.string()).min(1),
  /** Extension: set on a source link, absent on a group. */
  'triangulate:relation': z.literal(CREDITED_BY).optional(),
});
export type W3CLinkingAnnotation = z.infer<typeof W3CLinkingAnnotationSchema>;

export const W3CAnnotationSchema = z.discriminatedUnion('motivation', [W3CTaggingAnnotationSchema, W3CLinkingAnnotationSchema]);
export type W3CAnnotation = z.infer<typeof W3CAnnotationSchema>;

export function isTaggingAnnotation(item: W3CAnnotation): item is W3CTaggingAnnotation {
  return item.motivation === 'tagging';
}

export const AnnotationCollectionSchema = z.object({
  '@context': z.literal(W3C_CONTEXT),
  id: z.string(),
  type: z.literal('AnnotationCollection'),
  label: z.string(),
  generated: z.string(),
  total: z.number().int().nonnegative(),
  items: z.array(W3CAnnotationSchema),
});
export type AnnotationCollection = z.infer<typeof AnnotationCollectionSchema>;

export function toW3CAnnotation(
  annotation: Annotation,
  article: Pick<ArticleMeta, 'id' | 'title' | 'hash'>,
  tagName: string,
): W3CTaggingAnnotation {
  return {
    '@context': W3C_CONTEXT,
    id: annotationIri(annotation.id),
    type: 'Annotation',
    motivation: 'tagging',
    created: annotation.created,
    modified: annotation.modified,
    creator: { type: 'Person', name: annotation.creator },
    body: [
      { type: 'TextualBody', purpose: 'tagging', value: tagName, format: 'text/plain' },
      { type: 'TextualBody', purpose: 'commenting', value: annotation.note, format: 'text/plain' },
    ],
    target: {
      source: articleSourceIri(article.id),
      'triangulate:title': article.title,
      'triangulate:sha256': article.hash,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: annotation.exact,
          prefix: annotation.prefix,
          suffix: annotation.suffix,
        },
        { type: 'TextPositionSelector', start: annotation.start, end: annotation.end },
      ],
    },
    'triangulate:tagId': annotation.tagId,
    'triangulate:attributes': { ...annotation.attributes },
  };
}

/** A group as a linking annotation; members not in `exported` (annotation ids) are left out, and so is a group left empty. */
export function toW3CGroup(group: Group, exported: ReadonlySet<string>): W3CLinkingAnnotation | null {
  const target = [...new Set(group.members.map((m) => m.annotationId))].filter((id) => exported.has(id)).map(annotationIri);
  if (target.length === 0) return null;
  return {
    '@context': W3C_CONTEXT,
    id: groupIri(group.id),
    type: 'Annotation',
    motivation: 'linking',
    created: group.created,
    modified: group.modified,
    body: [{ type: 'TextualBody', purpose: 'describing', value: group.label, format: 'text/plain' }],
    target,
  };
}

/** A Quote→Source link as a linking annotation; null when either end is not in `exported`. */
export function toW3CSourceLink(link: SourceLink, exported: ReadonlySet<string>): W3CLinkingAnnotation | null {
  if (!exported.has(link.quote.annotationId) || !exported.has(link.source.annotationId)) return null;
  return {
    '@context': W3C_CONTEXT,
    id: sourceLinkIri(link.id),
    type: 'Annotation',
    motivation: 'linking',
    created: link.created,
    modified: link.created,
    target: [annotationIri(link.quote.annotationId), annotationIri(link.source.annotationId)],
    'triangulate:relation': CREDITED_BY,
  };
}

export interface ExportInput {
  articles: readonly Pick<ArticleMeta, 'id' | 'title' | 'hash'>[];
  codebook: readonly Tag[];
  /** Annotations per article id. */
  annotationsByArticle: ReadonlyMap<string, readonly Annotation[]>;
  groups?: readonly Group[];
  sourceLinks?: readonly SourceLink[];
  generated: string;
}

/** An article's annotations in the order the export lists them: text order. */
export function inExportOrder(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The collection's fields before `items` (written first by a streamed
 * export). `total` comes after `items`: a streamed export knows it only at
 * the end, and key order means nothing to JSON readers.
 */
export function collectionHead(generated: string): Omit<AnnotationCollection, 'items' | 'total'> {
  return {
    '@context': W3C_CONTEXT,
    id: `urn:triangulate:export:${generated}`,
    type: 'AnnotationCollection',
    label: 'Triangulate annotations',
    generated,
  };
}

/** The annotation ids the groups and source links point at: the only ones `linkingItems` asks about. */
export function linkedAnnotationIds(groups: readonly Group[], sourceLinks: readonly SourceLink[]): Set<string> {
  const ids = new Set<string>();
  for (const group of groups) for (const m of group.members) ids.add(m.annotationId);
  for (const link of sourceLinks) {
    ids.add(link.quote.annotationId);
    ids.add(link.source.annotationId);
  }
  return ids;
}

/** The linking annotations for the groups, then the source links, among the `exported` annotation ids. */
export function linkingItems(
  groups: readonly Group[],
  sourceLinks: readonly SourceLink[],
  exported: ReadonlySet<string>,
): W3CLinkingAnnotation[] {
  const items: W3CLinkingAnnotation[] = [];
  for (const group of groups) {
    const item = toW3CGroup(group, exported);
    if (item) items.push(item);
  }
  for (const link of sourceLinks) {
    const item = toW3CSourceLink(link, exported);
    if (item) items.push(item);
  }
  return items;
}

/**
 * Builds the collection: the tagging annotations first (articles in library
 * order, annotations in text order), then the groups, then the source links.
 */
export function toAnnotationCollection(input: ExportInput): AnnotationCollection {
  const tagNames = new Map(input.codebook.map((t) => [t.id, t.name]));
  const items: W3CAnnotation[] = [];
  const exported = new Set<string>();
  for (const article of input.articles) {
    for (const a of inExportOrder(input.annotationsByArticle.get(article.id) ?? [])) {
      items.push(toW3CAnnotation(a, article, tagNames.get(a.tagId) ?? a.tagId));
      exported.add(a.id);
    }
  }
  items.push(...linkingItems(input.groups ?? [], input.sourceLinks ?? [], exported));
  return { ...collectionHead(input.generated), items, total: items.length };
}
