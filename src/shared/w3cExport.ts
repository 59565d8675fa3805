/**
 * Export of annotations in the W3C Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/): an AnnotationCollection whose
 * `items` are Annotations with a tagging body, a commenting body (the note)
 * and a target holding a TextQuoteSelector and a TextPositionSelector over the
 * article's canonical text.
 */
import { z } from 'zod';
import type { Annotation, ArticleMeta, Tag } from './model';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The IRI that identifies an article in exported annotations. */
export function articleSourceIri(articleId: string): string {
  return `urn:triangulate:article:${articleId}`;
}

export function annotationIri(annotationId: string): string {
  return `urn:triangulate:annotation:${annotationId}`;
}

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

export const W3CAnnotationSchema = z.object({
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
});
export type W3CAnnotation = z.infer<typeof W3CAnnotationSchema>;

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
): W3CAnnotation {
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
  };
}

export interface ExportInput {
  articles: readonly Pick<ArticleMeta, 'id' | 'title' | 'hash'>[];
  codebook: readonly Tag[];
  /** Annotations per article id. */
  annotationsByArticle: ReadonlyMap<string, readonly Annotation[]>;
  generated: string;
}

/** Builds the collection: articles in library order, annotations in text order. */
export function toAnnotationCollection(input: ExportInput): AnnotationCollection {
  const tagNames = new Map(input.codebook.map((t) => [t.id, t.name]));
  const items: W3CAnnotation[] = [];
  for (const article of input.articles) {
    const list = [...(input.annotationsByArticle.get(article.id) ?? [])].sort(
      (a, b) => a.start - b.start || a.end - b.end,
    );
    for (const a of list) items.push(toW3CAnnotation(a, article, tagNames.get(a.tagId) ?? a.tagId));
  }
  return {
    '@context': W3C_CONTEXT,
    id: `urn:triangulate:export:${input.generated}`,
    type: 'AnnotationCollection',
    label: 'Triangulate annotations',
    generated: input.generated,
    total: items.length,
    items,
  };
}
