/**
 * Reads a W3C Web Annotation collection leniently, ours or another tool's,
 * into plain records the import can work with:
 * - the items from `items`, `first.items` (an AnnotationPage), a bare array,
 *   or a single Annotation;
 * - bodies, targets and selectors as one object or an array of them;
 * - the tag from a body with purpose "tagging", "classifying" or
 *   "identifying" (or our `triangulate:tagId`), the note from bodies with
 *   purpose "commenting" or "describing", from a TextualBody with no purpose
 *   (how Hypothesis writes its comment), or from `bodyValue`;
 * - the article named by `target.source` (a string or an object's `id`), its
 *   `canonical` and `via` addresses; a target with no source (Recogito) names
 *   none and is found by its quote;
 * - TextQuote and TextPosition selectors, also inside `refinedBy`; a
 *   RangeSelector (and XPath, CSS or fragment selectors) cannot be resolved
 *   against a plain text and is ignored, with a note;
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
  /** Other names of that document: the source's `canonical` and `via`. */
  alsoKnownAs: string[];
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
  /** What was read but not used (a RangeSelector, say), one line each. */
  notes: string[];
  /**
   * Our extension `triangulate:unanchored`: the version of its article's text the annotation is kept with,
   * a newer version no longer holding its passage (null for an annotation over the current text).
   */
  keptWithVersion?: number | null;
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
  /** Who made the group or link, when the file says. */
  creator: string | null;
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
  items.forEach((item, index) => readItem(item, index, result));
  return result;
}

/**
 * readW3CCollection a slice of items at a time: after each `sliceMs` of reading it awaits `pause()`
 * (the core answers other calls meanwhile; 30,000 items are one long task otherwise).
 */
export async function readW3CCollectionInSlices(value: unknown, pause: () => Promise<void>, sliceMs = 20): Promise<W3CItems> {
  const items = itemsOf(value);
  const result: W3CItems = { tagging: [], linking: [], problems: [] };
  let sliceStart = Date.now();
  for (const [index, item] of items.entries()) {
    readItem(item, index, result);
    if (Date.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = Date.now();
    }
  }
  return result;
}

function readItem(item: unknown, index: number, result: W3CItems): void {
  if (!isObject(item)) {
    result.problems.push(`item ${index + 1} is not an annotation (not a JSON object); skipped`);
    return;
  }
  const iri = stringOf(item.id);
  const name = iri ?? `item ${index + 1}`;
  if (listOf(item.motivation).includes('linking')) result.linking.push(readLinking(item, name, iri));
  else result.tagging.push(readTagging(item, name, iri));
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

const TAG_PURPOSES = ['tagging', 'classifying', 'identifying'];
const NOTE_PURPOSES = ['commenting', 'describing'];
const IGNORED_SELECTORS = ['RangeSelector', 'XPathSelector', 'CssSelector', 'FragmentSelector', 'DataPositionSelector', 'SvgSelector'];

/** The selectors of a target, with those in `refinedBy` (the positions of a refinement count from its parent, so only its quote is taken). */
function selectorsOf(target: Json): { top: Json[]; refined: Json[] } {
  const top = listOf(target.selector).filter(isObject);
  const refined: Json[] = [];
  const walk = (s: Json): void => {
    for (const r of listOf(s.refinedBy).filter(isObject)) {
      refined.push(r);
      walk(r);
    }
  };
  top.forEach(walk);
  return { top, refined };
}

function readTagging(item: Json, name: string, iri: string | null): TaggingItem {
  const targets = listOf(item.target).filter(isObject);
  const target = targets.find((t) => listOf(t.selector).length > 0) ?? targets[0] ?? null;
  const { top, refined } = target ? selectorsOf(target) : { top: [], refined: [] };
  const isQuote = (s: Json) => s.type === 'TextQuoteSelector' && typeof s.exact === 'string';
  const quote = top.find(isQuote) ?? refined.find(isQuote);
  const position = top.find((s) => s.type === 'TextPositionSelector' && isOffset(s.start) && isOffset(s.end));
  const notes: string[] = [];
  const ignored = [...new Set([...top, ...refined].map((s) => s.type).filter((t): t is string => typeof t === 'string' && IGNORED_SELECTORS.includes(t)))];
  if (ignored.length > 0) notes.push(`its ${ignored.join(' and ')} ${ignored.length === 1 ? 'was' : 'were'} ignored (a plain text has no document structure); anchored by its quote`);
  if (refined.some((s) => s.type === 'TextPositionSelector')) notes.push('positions inside refinedBy count from their parent selection and were ignored');

  const bodies = listOf(item.body);
  const valueOf = (b: unknown): string | null => (isObject(b) ? (stringOf(b.value) ?? null) : null);
  const tagNames: string[] = [];
  const comments: string[] = [];
  for (const b of bodies) {
    if (!isObject(b)) continue;
    const purposes = listOf(b.purpose).filter((p): p is string => typeof p === 'string');
    const value = valueOf(b);
    if (purposes.some((p) => TAG_PURPOSES.includes(p))) {
      // An identifying body may name its entity by IRI instead of a value.
      const tag = value ?? stringOf(b.id) ?? stringOf(b.source);
      if (tag !== null && tag.trim() !== '') tagNames.push(tag.trim());
    } else if (value !== null && (purposes.length === 0 || purposes.some((p) => NOTE_PURPOSES.includes(p)))) {
      comments.push(value);
    }
  }
  const bodyValue = stringOf(item.bodyValue);
  if (bodyValue) comments.push(bodyValue);
  const source = sourceOf(item, target);
  const sourceObject = target && isObject(target.source) ? target.source : null;
  return {
    name,
    iri,
    source,
    alsoKnownAs: sourceObject ? [...listOf(sourceObject.canonical), ...listOf(sourceObject.via)].filter((v): v is string => typeof v === 'string') : [],
    sha256: target ? (stringOf(target['triangulate:sha256']) ?? (sourceObject ? stringOf(sourceObject['triangulate:sha256']) : null)) : null,
    exact: quote ? (quote.exact as string) : null,
    prefix: quote ? stringOf(quote.prefix) : null,
    suffix: quote ? stringOf(quote.suffix) : null,
    position: position ? { start: position.start as number, end: position.end as number } : null,
    tagId: stringOf(item['triangulate:tagId']),
    tagNames: [...new Set(tagNames)],
    attributes: attributesOf(item['triangulate:attributes']),
    note: comments.filter((c) => c.trim() !== '').join('\n\n'),
    creator: creatorOf(item.creator),
    created: dateOf(item.created),
    modified: dateOf(item.modified),
    notes,
    ...(item['triangulate:unanchored'] === true ? { keptWithVersion: versionOf(sourceObject) } : {}),
  };
}

/** The version our export names on a source, 1 when it names none. */
function versionOf(source: Json | null): number {
  const v = source ? source['triangulate:version'] : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
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
    creator: creatorOf(item.creator),
    created: dateOf(item.created),
    modified: dateOf(item.modified),
  };
}

/** The annotated document: `target.source` (a string or an object's id), or a target given as a string. */
function sourceOf(item: Json, target: Json | null): string | null {
  if (!target) return stringOf(listOf(item.target).find((t) => typeof t === 'string'));
  if (isObject(target.source)) return stringOf(target.source.id);
  return stringOf(target.source);
}

/** A person's name from `creator`: a string, `{ name }` / `{ nickname }`, or the first of an array. */
function creatorOf(value: unknown): string | null {
  const first = listOf(value)[0];
  if (typeof first === 'string') return first.replace(/^acct:/, '');
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
