/**
 * The JSON-LD context of Triangulate's extension terms, written as the second
 * `@context` entry of every exported collection, page and annotation (after
 * the W3C anno.jsonld context):
 * - `triangulate:` is a prefix for a stable namespace IRI of our own, so
 *   `triangulate:title`, `triangulate:sha256`, `triangulate:tagId` and
 *   `triangulate:relation` expand to IRIs in that namespace;
 * - `triangulate:attributes` is typed `@json`: the attribute map (attribute
 *   id → text, number or yes/no) is kept whole as a JSON literal when the
 *   file is expanded, instead of its keys being dropped as undefined terms.
 * The namespace is a URN so it claims no web domain; it never changes.
 */
export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export const TRIANGULATE_VOCAB = 'urn:triangulate:vocab:';

export const TRIANGULATE_CONTEXT = {
  '@version': 1.1,
  triangulate: TRIANGULATE_VOCAB,
  'triangulate:attributes': { '@type': '@json' },
} as const;

/** What every exported object's `@context` holds. */
export const EXPORT_CONTEXT = [W3C_CONTEXT, TRIANGULATE_CONTEXT] as const;

export type ExportContext = typeof EXPORT_CONTEXT;
