/**
 * Export of annotations in the W3C Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/), conformant to the W3C test
 * suite (src/shared/formats/w3c/conformance): an AnnotationCollection whose
 * `first` is an AnnotationPage holding the `items`:
 * - tagging Annotations, one per annotation: a tagging body (the tag's name)
 *   and a commenting body (the note), each with `format` and the annotator as
 *   `creator`; a target that is a Specific Resource whose `source` is the
 *   article (id, `format`, `language` when known, title, the version of its
 *   text and that text's hash) and whose selectors are a TextQuoteSelector
 *   (exact, prefix, suffix) and a TextPositionSelector over that version of
 *   the article's canonical text, made (`creator`) by the annotator who chose
 *   the passage; an annotation a newer version no longer holds follows the
 *   article's others, over the version it is kept with, `triangulate:unanchored`;
 * - linking Annotations, one per group (a describing body with the label,
 *   the members' annotation IRIs as targets) and one per Quote→Source link
 *   (`"triangulate:relation": "creditedBy"`, targets [quote, source]); a
 *   group or link records its coder when made after issue 16; older ones the library's.
 * Every object carries the annotator or library creator as a W3C Agent (id,
 * type, name, nickname), Triangulate as `generator`, and the two-entry
 * `@context` of triangulateContext.ts. A whole export is one page
 * (toAnnotationCollection, streamExport); pagedCollection splits the same
 * items into linked pages of N for a reader that wants them in parts.
 */
import { creditedName, type SpeakerLookup } from '../../crossArticle/creditedName';
import { z } from 'zod';
import type { Group, SourceLink } from '../../crossArticle/crossArticle';
import { creatorAgent, GENERATOR } from './agents';
import { EXPORT_CONTEXT, W3C_CONTEXT } from './triangulateContext';
import { AttributeValueSchema, currentVersion, type Annotation, type ArticleMeta, type Tag, type UnanchoredAnnotation } from '../../model/model';

export { W3C_CONTEXT };

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

export function collectionIri(generated: string): string {
  return `urn:triangulate:export:${generated}`;
}

/** Pages count from 1. */
export function pageIri(generated: string, page: number): string {
  return `${collectionIri(generated)}:page:${page}`;
}

/** The relation a Quote→Source linking annotation states: the quote is credited by the source. */
export const CREDITED_BY = 'creditedBy';

const ContextSchema = z.tuple([z.literal(W3C_CONTEXT), z.object({ '@version': z.literal(1.1), triangulate: z.string(), 'triangulate:attributes': z.object({ '@type': z.literal('@json') }) })]);

const AgentSchema = z.object({ id: z.string(), type: z.enum(['Person', 'Software']), name: z.string(), nickname: z.string() });

const TextualBodySchema = z.object({
  type: z.literal('TextualBody'),
  purpose: z.enum(['tagging', 'commenting']),
  value: z.string(),
  format: z.literal('text/plain'),
  creator: AgentSchema,
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

const ArticleResourceSchema = z.object({
  id: z.string(),
  type: z.literal('Text'),
  format: z.literal('text/plain'),
  /** BCP 47 tag, primary subtag in lower case; absent when the article's language is unknown. */
  language: z.string().optional(),
  /** Extension: the article's title and content hash, for readers of the file. */
  'triangulate:title': z.string(),
  'triangulate:sha256': z.string(),
  /** Extension: which version of the article's text the selectors are over (1 while it has one; absent in older files). */
  'triangulate:version': z.number().int().min(1).optional(),
});

/** One annotation of a passage with a tag (and the note as a comment). */
export const W3CTaggingAnnotationSchema = z.object({
  '@context': ContextSchema,
  id: z.string(),
  type: z.literal('Annotation'),
  motivation: z.literal('tagging'),
  created: z.string(),
  modified: z.string(),
  creator: AgentSchema,
  generator: AgentSchema,
  body: z.array(TextualBodySchema),
  target: z.object({
    type: z.literal('SpecificResource'),
    /** Who chose the passage: the annotator (the article itself is `source`). */
    creator: AgentSchema,
    source: ArticleResourceSchema,
    selector: z.tuple([TextQuoteSelectorSchema, TextPositionSelectorSchema]),
  }),
  /** Extension: the tag's stable id in the codebook (the body holds its name). */
  'triangulate:tagId': z.string(),
  /** Extension: the annotation's attribute values by attribute id (a JSON literal in JSON-LD). */
  'triangulate:attributes': z.record(z.string(), AttributeValueSchema).optional(),
  /** Extension: whom the speaker/name attribute credits, by the people index's canonical name (else as typed). */
  'triangulate:speakerName': z.string().optional(),
  /** Extension: the people index's id of that entity, when it knows one. */
  'triangulate:speakerId': z.string().optional(),
  /**
   * Extension: set when a newer version of the article's text no longer holds the passage; the annotation
   * is kept with the version its source names (`triangulate:version`, `triangulate:sha256` of that text).
   */
  'triangulate:unanchored': z.literal(true).optional(),
});
export type W3CTaggingAnnotation = z.infer<typeof W3CTaggingAnnotationSchema>;

const DescribingBodySchema = z.object({
  type: z.literal('TextualBody'),
  purpose: z.literal('describing'),
  value: z.string(),
  format: z.literal('text/plain'),
  creator: AgentSchema,
});

/** A group (targets: its members) or a Quote→Source link (targets: [quote, source]). */
export const W3CLinkingAnnotationSchema = z.object({
  '@context': ContextSchema,
  id: z.string(),
  type: z.literal('Annotation'),
  motivation: z.literal('linking'),
  created: z.string(),
  modified: z.string(),
  creator: AgentSchema,
  generator: AgentSchema,
  /** A group's label, or what a source link states. */
  body: z.array(DescribingBodySchema),
  /** Annotation IRIs: one as a string, several as an array (a one-element array would be read as both by the model). */
  target: z.union([z.string(), z.array(z.string()).min(2)]),
  /** Extension: set on a source link, absent on a group. */
  'triangulate:relation': z.literal(CREDITED_BY).optional(),
});
export type W3CLinkingAnnotation = z.infer<typeof W3CLinkingAnnotationSchema>;

export const W3CAnnotationSchema = z.discriminatedUnion('motivation', [W3CTaggingAnnotationSchema, W3CLinkingAnnotationSchema]);
export type W3CAnnotation = z.infer<typeof W3CAnnotationSchema>;

export function isTaggingAnnotation(item: W3CAnnotation): item is W3CTaggingAnnotation {
  return item.motivation === 'tagging';
}

export const AnnotationPageSchema = z.object({
  '@context': ContextSchema.optional(),
  id: z.string(),
  type: z.literal('AnnotationPage'),
  partOf: z.string(),
  startIndex: z.number().int().nonnegative(),
  prev: z.string().optional(),
  next: z.string().optional(),
  items: z.array(W3CAnnotationSchema),
});
export type AnnotationPage = z.infer<typeof AnnotationPageSchema>;

export const AnnotationCollectionSchema = z.object({
  '@context': ContextSchema,
  id: z.string(),
  type: z.literal('AnnotationCollection'),
  label: z.string(),
  generator: AgentSchema,
  generated: z.string(),
  /** The last page's IRI (the embedded first page's, for a one-page export). */
  last: z.string(),
  first: AnnotationPageSchema,
  total: z.number().int().nonnegative(),
});
export type AnnotationCollection = z.infer<typeof AnnotationCollectionSchema>;

/** A language tag the way the model asks for it: primary subtag in lower case. */
function languageTag(language: string | null | undefined): string | undefined {
  if (!language) return undefined;
  const [primary, ...rest] = language.trim().split('-');
  if (!primary || !/^[A-Za-z]{2,3}$/.test(primary)) return undefined;
  return [primary.toLowerCase(), ...rest].join('-');
}

export type ExportedArticle = Pick<ArticleMeta, 'id' | 'title' | 'hash'> & Partial<Pick<ArticleMeta, 'language' | 'versions'>>;

/**
 * One annotation as a tagging annotation. Its source names the version of the article's text its
 * selectors are over: the current one, or — for an annotation a newer version no longer holds (one with
 * a `version`) — the version it is kept with, marked `triangulate:unanchored`.
 */
export function toW3CAnnotation(annotation: Annotation | UnanchoredAnnotation, article: ExportedArticle, tagName: string, speakers?: SpeakerLookup): W3CTaggingAnnotation {
  const kept = 'version' in annotation ? annotation.version : null;
  const version = kept ?? currentVersion(article);
  const hash = kept === null ? article.hash : (article.versions?.[kept - 1]?.hash ?? article.hash);
  const typed = creditedName(annotation.tagId, annotation.attributes);
  const canonical = typed ? (speakers?.(article.id, typed) ?? { id: null, name: typed }) : null;
  const creator = creatorAgent(annotation.creator);
  const language = languageTag(article.language);
  return {
    '@context': [...EXPORT_CONTEXT] as W3CTaggingAnnotation['@context'],
    id: annotationIri(annotation.id),
    type: 'Annotation',
    motivation: 'tagging',
    created: annotation.created,
    modified: annotation.modified,
    creator,
    generator: GENERATOR,
    body: [
      { type: 'TextualBody', purpose: 'tagging', value: tagName, format: 'text/plain', creator },
      { type: 'TextualBody', purpose: 'commenting', value: annotation.note, format: 'text/plain', creator },
    ],
    target: {
      type: 'SpecificResource',
      creator,
      source: {
        id: articleSourceIri(article.id),
        type: 'Text',
        format: 'text/plain',
        ...(language ? { language } : {}),
        'triangulate:title': article.title,
        'triangulate:sha256': hash,
        'triangulate:version': version,
      },
      selector: [
        { type: 'TextQuoteSelector', exact: annotation.exact, prefix: annotation.prefix, suffix: annotation.suffix },
        { type: 'TextPositionSelector', start: annotation.start, end: annotation.end },
      ],
    },
    'triangulate:tagId': annotation.tagId,
    'triangulate:attributes': { ...annotation.attributes },
    ...(canonical ? { 'triangulate:speakerName': canonical.name } : {}),
    ...(canonical?.id ? { 'triangulate:speakerId': canonical.id } : {}),
    ...(kept === null ? {} : { 'triangulate:unanchored': true as const }),
  };
}

/** A group as a linking annotation; members not in `exported` (annotation ids) are left out, and so is a group left empty. */
export function toW3CGroup(group: Group, exported: ReadonlySet<string>, libraryCreator: string): W3CLinkingAnnotation | null {
  // The coder who made it (issue 16), else the library's.
  libraryCreator = group.creator ?? libraryCreator;
  const target = [...new Set(group.members.map((m) => m.annotationId))].filter((id) => exported.has(id)).map(annotationIri);
  if (target.length === 0) return null;
  const creator = creatorAgent(libraryCreator);
  return {
    '@context': [...EXPORT_CONTEXT] as W3CLinkingAnnotation['@context'],
    id: groupIri(group.id),
    type: 'Annotation',
    motivation: 'linking',
    created: group.created,
    modified: group.modified,
    creator,
    generator: GENERATOR,
    body: [{ type: 'TextualBody', purpose: 'describing', value: group.label, format: 'text/plain', creator }],
    target: target.length === 1 ? target[0]! : target,
  };
}

/** What a Quote→Source link's body says. */
export const CREDITED_BY_TEXT = 'The first target (a Quote) is credited to the second (a Source).';

/** A Quote→Source link as a linking annotation; null when either end is not in `exported`. */
export function toW3CSourceLink(link: SourceLink, exported: ReadonlySet<string>, libraryCreator: string): W3CLinkingAnnotation | null {
  libraryCreator = link.creator ?? libraryCreator;
  if (!exported.has(link.quote.annotationId) || !exported.has(link.source.annotationId)) return null;
  const creator = creatorAgent(libraryCreator);
  return {
    '@context': [...EXPORT_CONTEXT] as W3CLinkingAnnotation['@context'],
    id: sourceLinkIri(link.id),
    type: 'Annotation',
    motivation: 'linking',
    created: link.created,
    modified: link.created,
    creator,
    generator: GENERATOR,
    body: [{ type: 'TextualBody', purpose: 'describing', value: CREDITED_BY_TEXT, format: 'text/plain', creator }],
    target: [annotationIri(link.quote.annotationId), annotationIri(link.source.annotationId)],
    'triangulate:relation': CREDITED_BY,
  };
}

export interface ExportInput {
  articles: readonly ExportedArticle[];
  codebook: readonly Tag[];
  /** Annotations per article id. */
  annotationsByArticle: ReadonlyMap<string, readonly Annotation[]>;
  /** Annotations newer versions of the text no longer hold, per article id (after the article's others). */
  unanchoredByArticle?: ReadonlyMap<string, readonly UnanchoredAnnotation[]>;
  groups?: readonly Group[];
  sourceLinks?: readonly SourceLink[];
  /** The library's creator setting: the creator of groups and links, which record none. */
  libraryCreator?: string;
  generated: string;
  /** The people index's canonical names for speaker/name attributes ('triangulate:speakerName', 'triangulate:speakerId'). */
  speakers?: SpeakerLookup;
}

/** An article's annotations in the order the export lists them: text order. */
export function inExportOrder<A extends Annotation>(annotations: readonly A[]): A[] {
  return [...annotations].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The collection with its one page holding `items`, keys in the order a
 * streamed export writes them: `first` (and in it `items`) before `total`,
 * which a streamed export knows only at the end.
 */
export function collectionWithItems<T>(generated: string, items: T, total: number) {
  return {
    '@context': [...EXPORT_CONTEXT] as AnnotationCollection['@context'],
    id: collectionIri(generated),
    type: 'AnnotationCollection' as const,
    label: 'Triangulate annotations',
    generator: GENERATOR,
    generated,
    last: pageIri(generated, 1),
    first: {
      id: pageIri(generated, 1),
      type: 'AnnotationPage' as const,
      partOf: collectionIri(generated),
      startIndex: 0,
      items,
    },
    total,
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
  libraryCreator = '',
): W3CLinkingAnnotation[] {
  const items: W3CLinkingAnnotation[] = [];
  for (const group of groups) {
    const item = toW3CGroup(group, exported, libraryCreator);
    if (item) items.push(item);
  }
  for (const link of sourceLinks) {
    const item = toW3CSourceLink(link, exported, libraryCreator);
    if (item) items.push(item);
  }
  return items;
}

/** Every item in export order: tagging annotations (articles in library order, annotations in text order), then groups, then links. */
export function exportItems(input: ExportInput): W3CAnnotation[] {
  const tagNames = new Map(input.codebook.map((t) => [t.id, t.name]));
  const items: W3CAnnotation[] = [];
  const exported = new Set<string>();
  for (const article of input.articles) {
    const annotations = [...inExportOrder(input.annotationsByArticle.get(article.id) ?? []), ...inExportOrder(input.unanchoredByArticle?.get(article.id) ?? [])];
    for (const a of annotations) {
      items.push(toW3CAnnotation(a, article, tagNames.get(a.tagId) ?? a.tagId, input.speakers));
      exported.add(a.id);
    }
  }
  items.push(...linkingItems(input.groups ?? [], input.sourceLinks ?? [], exported, input.libraryCreator));
  return items;
}

/** The whole export as one collection with one embedded page. */
export function toAnnotationCollection(input: ExportInput): AnnotationCollection {
  const items = exportItems(input);
  return collectionWithItems(input.generated, items, items.length);
}

export interface PagedCollection {
  /** The collection: `first` and `last` are page IRIs. */
  collection: Omit<AnnotationCollection, 'first'> & { first: string };
  /** Each page a document of its own, linked by `next` and `prev`. */
  pages: AnnotationPage[];
}

/** The same items as `toAnnotationCollection`, in pages of `pageSize` (at least one page, empty for no items). */
export function pagedCollection(input: ExportInput, pageSize: number): PagedCollection {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`page size must be a positive whole number, not ${pageSize}`);
  const items = exportItems(input);
  const count = Math.max(1, Math.ceil(items.length / pageSize));
  const pages: AnnotationPage[] = [];
  for (let n = 1; n <= count; n++) pages.push(annotationPage(input.generated, n, (n - 1) * pageSize, items.slice((n - 1) * pageSize, n * pageSize), n < count));
  return { collection: pagedCollectionHead(input.generated, items.length, count), pages };
}

/** Page `n` (from 1) of a paged export, a document of its own: `prev` unless the first, `next` when another follows. */
export function annotationPage(generated: string, n: number, startIndex: number, items: W3CAnnotation[], hasNext: boolean): AnnotationPage {
  return {
    '@context': [...EXPORT_CONTEXT] as AnnotationCollection['@context'],
    id: pageIri(generated, n),
    type: 'AnnotationPage',
    partOf: collectionIri(generated),
    startIndex,
    ...(n > 1 ? { prev: pageIri(generated, n - 1) } : {}),
    ...(hasNext ? { next: pageIri(generated, n + 1) } : {}),
    items,
  };
}

/** The collection of a paged export: `first` and `last` are the IRIs of its first and last pages. */
export function pagedCollectionHead(generated: string, total: number, pageCount: number): PagedCollection['collection'] {
  const { first: _first, ...head } = collectionWithItems(generated, [], total);
  return { ...head, last: pageIri(generated, pageCount), first: pageIri(generated, 1) };
}
