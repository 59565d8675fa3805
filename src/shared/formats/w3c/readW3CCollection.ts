/**
 * Reads a W3C Web Annotation collection leniently, ours or another tool's,
 * into plain records the import can work with:
 * - the items from `items`, `first.items` (an AnnotationPage), a bare array,
 *   or a single Annotation;
 * - bodies, targets and selectors as one object or an array of them;
 * - the tag from a body with purpose "tagging" (or our `triangulate:tagId`),
 *   the note from a body with purpose "commenting" (or `bodyValue`);
 * - linking annotations (motivation "linking") as groups, or as Quote→Source
 *   links when `triangulate:relation` is "creditedBy".
 * A value that is no collection at all is refused with invalid_input; an item
 * that cannot be read is a problem line naming it, and the rest still count.
 */
import { ApiError } from '../../contract/apiError';
import type { AttributeValue } from '../../model/model';
import { CREDITED_BY } from './w3cExport';

export interface TaggingItem {
  /** How problem lines name the item: its id, else "item <n>". */
  name: string;
  /** The item's id (IRI), when it has one. */
  iri: string | null;
  /** `target.source`: the document annotated. */
  source: string | null;
  /** Our extension `target["triangulate:sha256"]`: the text's hash. */
  sha256: string | null;
  /** TextQuoteSelector. */
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  /** TextPositionSelector. */
  position: { start: number; end: number } | null;
  /** Our extension `triangulate:tagId`. */
  tagId: string | null;
  /** Values of the tagging bodies. */
  tagNames: string[];
  /** Our extension `triangulate:attributes`: attribute values by id (text, number or yes/no only). */
  attributes: Record<string, AttributeValue>;
  /** Values of the commenting bodies, joined by blank lines. */
  note: string;
  creator: string | null;
  created: string | null;
  modified: string | null;
}

export interface LinkingItem {
  name: string;
  iri: string | null;
  /** Target IRIs, in order. */
  targets: string[];
  /** A Quote→Source link (targets [quote, source]) rather than a group. */
  creditedBy: boolean;
  /** A group's label (the describing body). */
  label: string | null;
  created: string | null;
  modified: string | null;
}

export interface W3CItems {
  tagging: TaggingItem[];
  linking: LinkingItem[];
  /** Items that could not be read at all. */
  problems: string[];
}

type Json = Record<string, unknown>;

export function readW3CCollection(value: unknown): W3CItems {
  const items = itemsOf(value);
  const result: W3CItems = { tagging: [], linking: [], problems: [] };
  items.forEach((item, index) => {
    if (!isObject(item)) {
      result.problems.push(`item ${index + 1} is not an annotation (not a JSON object); skipped`);
      return;
    }
    const iri = stringOf(item.id);
    const name = iri ?? `item ${index + 1}`;
    if (listOf(item.motivation).includes('linking')) result.linking.push(readLinking(item, name, iri));
    else result.tagging.push(readTagging(item, name, iri));
  });
  return result;
}

function itemsOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (!isObject(value)) {
    throw new ApiError('invalid_input', 'This is not a W3C annotation collection: expected a JSON object with "items".');
  }
  if (Array.isArray(value.items)) return value.items;
  if (isObject(value.first) && Array.isArray(value.first.items)) return value.first.items;
  if (value.type === 'Annotation' || 'target' in value) return [value];
  throw new ApiError(
    'invalid_input',
    'This is not a W3C annotation collection: it has neither "items" nor "first.items" (an AnnotationCollection or AnnotationPage).',
  );
}

function readTagging(item: Json, name: string, iri: string | null): TaggingItem {
  const target = listOf(item.target).find(isObject) ?? null;
  const selectors = target ? listOf(target.selector).filter(isObject) : [];
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector' && typeof s.exact === 'string');
  const position = selectors.find((s) => s.type === 'TextPositionSelector' && isOffset(s.start) && isOffset(s.end));
  const bodies = listOf(item.body).filter(isObject);
  const valuesFor = (purpose: string): string[] =>
    bodies.filter((b) => listOf(b.purpose).includes(purpose)).flatMap((b) => stringOf(b.value) ?? []);
  const comments = valuesFor('commenting');
  const bodyValue = stringOf(item.bodyValue);
  if (bodyValue) comments.push(bodyValue);
  return {
    name,
    iri,
    source: target ? stringOf(target.source) : stringOf(listOf(item.target).find((t) => typeof t === 'string')),
    sha256: target ? stringOf(target['triangulate:sha256']) : null,
    exact: quote ? (quote.exact as string) : null,
    prefix: quote ? stringOf(quote.prefix) : null,
    suffix: quote ? stringOf(quote.suffix) : null,
    position: position ? { start: position.start as number, end: position.end as number } : null,
    tagId: stringOf(item['triangulate:tagId']),
    tagNames: valuesFor('tagging'),
    attributes: attributesOf(item['triangulate:attributes']),
    note: comments.filter((c) => c !== '').join('\n\n'),
    creator: creatorOf(item.creator),
    created: dateOf(item.created),
    modified: dateOf(item.modified),
  };
}

function readLinking(item: Json, name: string, iri: string | null): LinkingItem {
  const describing = listOf(item.body)
    .filter(isObject)
    .find((b) => listOf(b.purpose).includes('describing') && typeof b.value === 'string');
  return {
    name,
    iri,
    targets: listOf(item.target).flatMap((t) => (isObject(t) ? (stringOf(t.id) ?? stringOf(t.source) ?? []) : (stringOf(t) ?? []))),
    creditedBy: item['triangulate:relation'] === CREDITED_BY,
    label: describing ? (describing.value as string) : null,
    created: dateOf(item.created),
    modified: dateOf(item.modified),
  };
}

/** A person's name from `creator`: a string, `{ name }` / `{ nickname }`, or the first of an array. */
function creatorOf(value: unknown): string | null {
  const first = listOf(value)[0];
  if (typeof first === 'string') return first;
  if (isObject(first)) return stringOf(first.name) ?? stringOf(first.nickname);
  return null;
}

/** Attribute values from our extension; values of other kinds are left out. */
function attributesOf(value: unknown): Record<string, AttributeValue> {
  if (!isObject(value)) return {};
  const values: Record<string, AttributeValue> = Object.create(null) as Record<string, AttributeValue>;
  for (const [id, v] of Object.entries(value)) {
    if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) values[id] = v;
  }
  return values;
}

/** A timestamp kept as written when it parses as a date. */
function dateOf(value: unknown): string | null {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : null;
}

function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
