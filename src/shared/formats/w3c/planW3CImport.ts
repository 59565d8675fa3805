/**
 * Works out what importing a W3C collection would add, without writing
 * anything: the annotations re-anchored in the articles we hold, then the
 * groups and Quote→Source links among them, plus a report. The core writes
 * the plan only once it is complete.
 *
 * - The article: see resolveArticle (our id, the article's address, its file
 *   name, our text hash, else the one article holding the quote).
 * - The tags: our `triangulate:tagId` when the codebook has it, else each
 *   tagging/classifying/identifying body matched to a tag's name (or id),
 *   ignoring case, or mapped by the user (`tagMap`), or created
 *   (`createTags`); an item with several tags becomes one annotation per
 *   tag; an item with none takes `untaggedAs` when given. Tag names the
 *   codebook does not have are counted in `unknownTags`, so they can be
 *   offered for mapping.
 * - Ids from our urns are kept unless already taken; others get new ones.
 * - An annotation that already exists (same article, tag, range and
 *   creator) is skipped and counted; groups and links still reach it.
 * - A quote the text holds only approximately (another tool's copy of a
 *   slightly different text) is anchored at the closest passage (see
 *   anchorQuote) and counted; one too far off is a problem line.
 * - A group or link that already exists is not added again: a group with the
 *   same label and either the same id (re-importing our own export) or the
 *   same members; a link between the same quote and source.
 */
import type { AnnotationRef, Group, ImportReport, SourceLink } from '../../crossArticle/crossArticle';
import { anchorQuote } from '../../anchoring/anchorQuote';
import { attributeValueFromText } from '../../codebook/attributeValueFromText';
import { checkAttributeValues } from '../../codebook/checkAttributeValues';
import { isSafeId } from '../../model/idFormat';
import { widenToCharacters } from '../../anchoring/surrogatePairs';
import { namedArticle, resolveArticle, type LibraryArticle } from './resolveArticle';
import type { LibraryQuoteMatch } from './findQuoteInLibrary';
import { newTagId } from '../../codebook/newTagId';
import type { Annotation, Tag } from '../../model/model';
import { quoteSelector, trimRange } from '../../anchoring/quoteSelector';
import type { LinkingItem, TaggingItem, W3CItems } from './readW3CCollection';
import { sameAnnotationRef } from '../../crossArticle/sameAnnotationRef';
import { importedTagChoice, type TagImportOptions } from '../../codebook/tagImportOptions';

/** How tags the codebook does not have are read: mapped, created, or their items left out (tagImportOptions.ts). */
export type W3CImportOptions = TagImportOptions;

export interface ImportPlanInput {
  items: W3CItems;
  /** Every article of the library. */
  articles: readonly LibraryArticle[];
  /** Texts of the articles the items name (see `namedArticle`). */
  texts: ReadonlyMap<string, string>;
  /** Every article's text, when some item names no article the library has and must be found by its quote; else null. */
  libraryTexts?: ReadonlyMap<string, string> | null;
  /** Library searches made beforehand (items → findQuoteInLibrary's answer); the others are made while planning. */
  quoteMatches?: ReadonlyMap<TaggingItem, LibraryQuoteMatch>;
  options?: W3CImportOptions;
  codebook: readonly Tag[];
  /** Every article's annotations as stored now. */
  existing: ReadonlyMap<string, readonly Annotation[]>;
  groups: readonly Group[];
  sourceLinks: readonly SourceLink[];
  /** Creator given to annotations that name none. */
  creator: string;
  /** ISO timestamp for what carries no date. */
  now: string;
  newId: () => string;
}

export interface ImportPlan {
  /** Tags to add to the codebook first (createTags). */
  newTags: Tag[];
  /** New annotations, in the order of the items. */
  annotations: Annotation[];
  groups: Group[];
  sourceLinks: SourceLink[];
  report: ImportReport;
}

const ANNOTATION_URN = 'urn:triangulate:annotation:';
const GROUP_URN = 'urn:triangulate:group:';
const LINK_URN = 'urn:triangulate:link:';
const MAX_ID = 100;
const MAX_LABEL = 500;
const UNTITLED = 'Untitled group';

/** The library article an item names, or null (kept for callers that only follow names). */
export function importedArticleId(item: Pick<TaggingItem, 'source' | 'sha256'> & Partial<Pick<TaggingItem, 'alsoKnownAs'>>, articles: readonly LibraryArticle[]): string | null {
  return namedArticle(item, articles)?.articleId ?? null;
}

const NEW_TAG_COLORS = ['#e07a5f', '#9c89b8', '#2a9d8f', '#f4a261', '#8ab17d', '#b5838d', '#6d6875', '#e9c46a'];

export function planW3CImport(input: ImportPlanInput): ImportPlan {
  const problems = [...input.items.problems];
  const byId = new Map<string, Annotation>();
  const bySpot = new Map<string, Annotation>();
  for (const list of input.existing.values()) {
    for (const a of list) {
      byId.set(a.id, a);
      bySpot.set(spotKey(a), a);
    }
  }
  const imported = new Map<string, AnnotationRef>();
  const annotations: Annotation[] = [];
  const notes: string[] = [];
  const tags = new TagResolver(input.codebook, input.options ?? {});
  let skipped = 0;
  let approximate = 0;

  for (const item of input.items.tagging) {
    for (const note of item.notes ?? []) notes.push(`${item.name}: ${note}`);
    if (item.keptWithVersion) {
      // Its passage is not in the current text: anchoring it by its quote could only put it in the wrong place.
      problems.push(`${item.name}: kept with version ${item.keptWithVersion} of its article's text, which a newer version no longer holds; not imported`);
      continue;
    }
    const tagIds = tags.resolve(item);
    if (typeof tagIds === 'string') {
      problems.push(`${item.name}: ${tagIds}`);
      continue;
    }
    tagIds.forEach((tagId, n) => {
      const result = planAnnotation(item, tagId, n > 0, input, byId, bySpot);
      if (typeof result === 'string') {
        problems.push(`${item.name}: ${result}`);
        return;
      }
      if (result.by === 'quote' && n === 0) notes.push(`${item.name}: found in article "${result.articleId}" by its quote`);
      if (result.duplicateOf) skipped++;
      else {
        if (result.approximate) approximate++;
        annotations.push(result.annotation);
        byId.set(result.annotation.id, result.annotation);
        bySpot.set(spotKey(result.annotation), result.annotation);
      }
      const annotation = result.duplicateOf ?? result.annotation;
      if (item.iri && !imported.has(item.iri)) imported.set(item.iri, { articleId: annotation.articleId, annotationId: annotation.id });
    });
  }

  const groups: Group[] = [];
  const sourceLinks: SourceLink[] = [];
  const groupIds = new Set(input.groups.map((g) => g.id));
  const linkIds = new Set(input.sourceLinks.map((l) => l.id));
  for (const item of input.items.linking) {
    if (item.creditedBy) {
      const link = planLink(item, input, imported, byId, [...input.sourceLinks, ...sourceLinks], linkIds);
      if (typeof link === 'string') problems.push(`${item.name}: ${link}`);
      else if (link) {
        sourceLinks.push(link);
        linkIds.add(link.id);
      }
    } else {
      const group = planGroup(item, input, imported, [...input.groups, ...groups], groupIds, problems);
      if (group) {
        groups.push(group);
        groupIds.add(group.id);
      }
    }
  }

  return {
    newTags: tags.created(),
    annotations,
    groups,
    sourceLinks,
    report: {
      annotationsImported: annotations.length,
      annotationsSkipped: skipped,
      annotationsApproximate: approximate,
      groupsImported: groups.length,
      linksImported: sourceLinks.length,
      problems,
      notes,
      unknownTags: tags.unknown(),
      tagsCreated: tags.created().map((t) => t.name),
    },
  };
}

/** Tag names to tag ids for one import: the codebook, the user's mapping, tags created on request. */
class TagResolver {
  private readonly made = new Map<string, Tag>();
  private readonly missing = new Map<string, { name: string; items: number }>();
  constructor(
    private readonly codebook: readonly Tag[],
    private readonly options: W3CImportOptions,
  ) {}

  /** The item's tag ids, or why it has none. */
  resolve(item: TaggingItem): string[] | string {
    if (item.tagId !== null && this.codebook.some((t) => t.id === item.tagId)) return [item.tagId];
    const ids: string[] = [];
    const unknown: string[] = [];
    for (const name of item.tagNames) {
      const id = this.idFor(name);
      if (id === null) unknown.push(name);
      else if (!ids.includes(id)) ids.push(id);
    }
    for (const name of unknown) {
      const key = name.toLowerCase();
      const entry = this.missing.get(key) ?? { name, items: 0 };
      entry.items++;
      this.missing.set(key, entry);
    }
    if (ids.length > 0) return ids;
    if (unknown.length > 0) {
      return `unknown tag ${unknown.map((n) => `"${n}"`).join(', ')} (the codebook has ${this.codebook.map((t) => t.name).join(', ')}); map it to a tag or create it`;
    }
    const fallback = this.options.untaggedAs;
    if (fallback && this.codebook.some((t) => t.id === fallback)) return [fallback];
    return 'has no tag (no tagging, classifying or identifying body); give a tag for untagged items to import it';
  }

  private idFor(name: string): string | null {
    const wanted = name.trim().toLowerCase();
    const tag = this.codebook.find((t) => t.name.toLowerCase() === wanted || t.id.toLowerCase() === wanted);
    if (tag) return tag.id;
    const choice = importedTagChoice(name, this.codebook, this.options);
    if (choice.kind === 'mapped') return choice.tagId;
    if (choice.kind === 'leave-out') return null;
    const made = this.made.get(wanted);
    if (made) return made.id;
    const taken = [...this.codebook.map((t) => t.id), ...[...this.made.values()].map((t) => t.id)];
    const tag2: Tag = {
      id: newTagId(name, taken),
      name: name.trim().slice(0, 100),
      color: NEW_TAG_COLORS[this.made.size % NEW_TAG_COLORS.length]!,
      key: null,
      description: 'Created when annotations from another tool were imported.',
      attributes: [],
    };
    this.made.set(wanted, tag2);
    return tag2.id;
  }

  created(): Tag[] {
    return [...this.made.values()];
  }

  /** Unknown tag names with the number of items that carry each, most used first. */
  unknown(): { name: string; items: number }[] {
    return [...this.missing.values()].sort((a, b) => b.items - a.items || a.name.localeCompare(b.name));
  }
}

type PlannedAnnotation = { articleId: string; by: string; approximate: boolean } & (
  | { annotation: Annotation; duplicateOf: null }
  | { annotation: null; duplicateOf: Annotation }
);

/** The annotation an item becomes with one of its tags, the existing one it repeats, or why it cannot be imported. */
function planAnnotation(
  item: TaggingItem,
  tagId: string,
  extraTag: boolean,
  input: ImportPlanInput,
  byId: ReadonlyMap<string, Annotation>,
  bySpot: ReadonlyMap<string, Annotation>,
): PlannedAnnotation | string {
  const match = resolveArticle(item, input.articles, input.libraryTexts ?? null, input.quoteMatches?.get(item));
  if ('problem' in match) return match.problem;
  const { articleId, by } = match;
  const text = input.texts.get(articleId) ?? input.libraryTexts?.get(articleId);
  const anchored = text === undefined ? null : anchorQuote(text, item);
  // An approximate anchor may fall inside an emoji: snapped out to whole characters.
  const whole = anchored && text !== undefined ? widenToCharacters(text, anchored.start, anchored.end) : null;
  const range = whole && text !== undefined ? trimRange(text, whole.start, whole.end) : null;
  if (!range || text === undefined) {
    const what = item.exact ? `the text "${clip(item.exact)}" is not there, not even with small differences` : 'it has no usable selector';
    return `could not be anchored in article "${articleId}" (${what})`;
  }
  const creator = item.creator ?? input.creator;
  const duplicate = bySpot.get(spotKey({ articleId, tagId, ...range, creator }));
  const approximate = anchored !== null && anchored.errors > 0;
  if (duplicate) return { articleId, by, annotation: null, duplicateOf: duplicate, approximate };
  const created = item.created ?? input.now;
  const tag = input.codebook.find((t) => t.id === tagId);
  return {
    articleId,
    by,
    duplicateOf: null,
    approximate,
    annotation: {
      id: (extraTag ? null : keptId(item.iri, ANNOTATION_URN, (id) => byId.has(id))) ?? input.newId(),
      articleId,
      tagId,
      start: range.start,
      end: range.end,
      ...quoteSelector(text, range.start, range.end),
      note: item.note,
      attributes: validAttributes(item, tag),
      creator,
      created,
      modified: item.modified ?? created,
    },
  };
}

/** The item's attribute values the tag declares with that type (text read as that type: a CSV's "true" or "3"); the others are dropped. */
function validAttributes(item: TaggingItem, tag: Tag | undefined): Annotation['attributes'] {
  const kept: Annotation['attributes'] = Object.create(null) as Annotation['attributes'];
  if (!tag) return kept;
  for (const [id, value] of Object.entries(item.attributes)) {
    const def = tag.attributes.find((a) => a.id === id);
    const check = checkAttributeValues(tag, { [id]: attributeValueFromText(def, value) });
    if (check.ok) Object.assign(kept, check.values);
  }
  return kept;
}

function planLink(
  item: LinkingItem,
  input: ImportPlanInput,
  imported: ReadonlyMap<string, AnnotationRef>,
  byId: ReadonlyMap<string, Annotation>,
  links: readonly SourceLink[],
  linkIds: ReadonlySet<string>,
): SourceLink | null | string {
  if (item.targets.length !== 2) return `a source link needs two targets (quote, source), it has ${item.targets.length}; not imported`;
  const [quote, source] = item.targets.map((iri) => imported.get(iri));
  const missing = item.targets.filter((iri) => !imported.has(iri));
  if (!quote || !source) return `source link not imported: ${missing.map((m) => `"${m}"`).join(' and ')} did not import`;
  const quoteTag = byId.get(quote.annotationId)?.tagId;
  const sourceTag = byId.get(source.annotationId)?.tagId;
  if (quoteTag !== 'quote' || sourceTag !== 'source' || quote.articleId !== source.articleId) {
    return 'source link not imported: it must join a Quote and a Source of the same article';
  }
  if (links.some((l) => sameAnnotationRef(l.quote, quote) && sameAnnotationRef(l.source, source))) return null;
  const created = item.created ?? input.now;
  return {
    id: keptId(item.iri, LINK_URN, (id) => linkIds.has(id)) ?? input.newId(),
    quote,
    source,
    ...(item.creator ? { creator: item.creator } : {}),
    created,
  };
}

function planGroup(
  item: LinkingItem,
  input: ImportPlanInput,
  imported: ReadonlyMap<string, AnnotationRef>,
  groups: readonly Group[],
  groupIds: ReadonlySet<string>,
  problems: string[],
): Group | null {
  const label = (item.label ?? '').trim().slice(0, MAX_LABEL) || UNTITLED;
  const members: AnnotationRef[] = [];
  for (const iri of item.targets) {
    const ref = imported.get(iri);
    if (!ref) problems.push(`${item.name}: member "${iri}" did not import; left out of group "${label}"`);
    else if (!members.some((m) => sameAnnotationRef(m, ref))) members.push(ref);
  }
  if (members.length === 0) {
    problems.push(`${item.name}: group "${label}" has no member that imported; not imported`);
    return null;
  }
  const key = memberKey(members);
  const ownId = item.iri?.startsWith(GROUP_URN) ? item.iri.slice(GROUP_URN.length) : null;
  if (groups.some((g) => g.label === label && (g.id === ownId || memberKey(g.members) === key))) return null;
  const created = item.created ?? input.now;
  return {
    id: keptId(item.iri, GROUP_URN, (id) => groupIds.has(id)) ?? input.newId(),
    label,
    members,
    ...(item.creator ? { creator: item.creator } : {}),
    created,
    modified: item.modified ?? created,
  };
}

/** The id in one of our urns, when it is a valid id not taken yet. */
function keptId(iri: string | null, urn: string, taken: (id: string) => boolean): string | null {
  if (!iri?.startsWith(urn)) return null;
  const id = iri.slice(urn.length);
  return isSafeId(id, MAX_ID) && !taken(id) ? id : null;
}

/** What makes two annotations the same for the import: article, tag, range and creator. */
const spotKey = (a: Pick<Annotation, 'articleId' | 'tagId' | 'start' | 'end' | 'creator'>): string =>
  JSON.stringify([a.articleId, a.tagId, a.start, a.end, a.creator]);


const memberKey = (members: readonly AnnotationRef[]): string =>
  members
    .map((m) => `${m.articleId}\u0000${m.annotationId}`)
    .sort()
    .join('\u0001');

function clip(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
