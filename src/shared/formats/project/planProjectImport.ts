/**
 * Works out what merging a `project` file into the library would change,
 * without writing anything; the core writes the plan only when the whole
 * file is sound. A file that is not a project, or holds duplicate ids,
 * offsets outside their article, texts that do not match their hash, an
 * article id the library holds with another text, or references to unknown
 * articles, tags or annotations, is refused as a whole with one message.
 *
 * Merge rules:
 * - articles are matched by id (same hash: the same article, the library's
 *   metadata kept); new ones are added;
 * - tags are added when new; a tag the library defines differently keeps the
 *   library's definition (said in the notes);
 * - annotations are matched by id: one already there is never duplicated
 *   (identical: skipped; changed: the library's kept, said in the notes);
 *   one with the same article, range, tag and creator as an existing one is
 *   skipped too. Everyone's annotations keep their creator;
 * - groups are merged by id (members unioned), links by id or by the same
 *   quote and source; rejected suggestion decisions are unioned.
 */
import { checkAttributeValues } from '../../codebook/checkAttributeValues';
import type { AnnotationRef, Group, SourceLink } from '../../crossArticle/crossArticle';
import { formatZodIssues } from '../../contract/formatZodIssues';
import type { Annotation, Article, ArticleMeta, AttributeValue, Tag, UnanchoredAnnotation } from '../../model/model';
import { ProjectFileSchema, isProjectFile, type ProjectFile, type ProjectImportReport } from './projectFile';
import { sameAnnotationRef } from '../../crossArticle/sameAnnotationRef';
import { splitsSurrogatePair } from '../../anchoring/surrogatePairs';

export interface ProjectLibrary {
  articles: readonly Pick<ArticleMeta, 'id' | 'hash' | 'title' | 'date' | 'outlet' | 'author' | 'url' | 'language' | 'note'>[];
  codebook: readonly Tag[];
  /** Annotations and rejected suggestions of every library article the file mentions. */
  files: ReadonlyMap<string, { annotations: readonly Annotation[]; rejectedSuggestions: readonly string[] }>;
  groups: readonly Group[];
  sourceLinks: readonly SourceLink[];
}

export interface ProjectPlan {
  articles: Article[];
  /** The older versions' texts of new articles with several versions, oldest first, by article id. */
  olderTexts: Map<string, string[]>;
  /** Annotations kept with an older version of a new article's text, by article id. */
  unanchored: Map<string, UnanchoredAnnotation[]>;
  tags: Tag[];
  /** New annotations per article id. */
  annotations: Map<string, Annotation[]>;
  /** Newly rejected suggestion ids per article id. */
  rejectedSuggestions: Map<string, string[]>;
  groups: Group[];
  /** Members to add to groups the library already has, by group id. */
  groupMembers: Map<string, AnnotationRef[]>;
  sourceLinks: SourceLink[];
  report: ProjectImportReport;
}

export type ProjectPlanResult = { ok: true; plan: ProjectPlan } | { ok: false; errors: string[] };

/** The file parsed, or why it is no project file. */
export function readProjectFile(value: unknown): { ok: true; project: ProjectFile } | { ok: false; errors: string[] } {
  if (!isProjectFile(value)) {
    return { ok: false, errors: ['it is not a Triangulate project file (no "format": "triangulate-project")'] };
  }
  const parsed = ProjectFileSchema.safeParse(value);
  if (!parsed.success) return { ok: false, errors: [`it does not have the shape of a project file: ${formatZodIssues(parsed.error)}`] };
  // speakerId / speakerName are derived (the people index gives them again): the annotations are stored without them.
  const articles = parsed.data.articles.map((a) => ({
    ...a,
    annotations: a.annotations.map(withoutSpeaker),
    ...(a.unanchored ? { unanchored: a.unanchored.map(withoutSpeaker) } : {}),
  }));
  return { ok: true, project: { ...parsed.data, articles } };
}

function withoutSpeaker<T extends { speakerId?: string; speakerName?: string }>(annotation: T): Omit<T, 'speakerId' | 'speakerName'> {
  const { speakerId: _id, speakerName: _name, ...rest } = annotation;
  return rest;
}

/** The library article ids the file's articles, groups and links point at. */
export function projectArticleIds(project: ProjectFile): Set<string> {
  const ids = new Set(project.articles.map((a) => a.id));
  for (const g of project.groups) for (const m of g.members) ids.add(m.articleId);
  for (const l of project.sourceLinks) {
    ids.add(l.quote.articleId);
    ids.add(l.source.articleId);
  }
  return ids;
}

export function planProjectImport(
  project: ProjectFile,
  library: ProjectLibrary,
  hashOf: (text: string) => string,
): ProjectPlanResult {
  const errors: string[] = [];
  const notes: string[] = [];
  const libraryArticles = new Map(library.articles.map((a) => [a.id, a]));

  duplicates(project.articles.map((a) => a.id), 'article', errors);
  duplicates(project.codebook.map((t) => t.id), 'tag', errors);
  duplicates(project.groups.map((g) => g.id), 'group', errors);
  duplicates(project.sourceLinks.map((l) => l.id), 'source link', errors);
  duplicates(project.articles.flatMap((a) => a.annotations.map((n) => n.id)), 'annotation', errors);

  // The codebook: ours wins where both define a tag.
  const codebook = new Map(library.codebook.map((t) => [t.id, t]));
  const tags: Tag[] = [];
  for (const tag of project.codebook) {
    const ours = codebook.get(tag.id);
    if (!ours) {
      const taken = [...codebook.values()];
      let added = tag;
      if (tag.key !== null && taken.some((t) => t.key === tag.key)) {
        notes.push(`tag "${tag.name}" came without its key ${tag.key}, which the library's codebook already uses`);
        added = { ...added, key: null };
      }
      if (taken.some((t) => sameName(t.name, tag.name))) {
        let n = 2;
        while (taken.some((t) => sameName(t.name, `${tag.name} (${n})`))) n++;
        notes.push(`tag "${tag.id}" is named "${tag.name} (${n})" here: the library already has a tag named "${tag.name}"`);
        added = { ...added, name: `${tag.name} (${n})` };
      }
      codebook.set(tag.id, added);
      tags.push(added);
    } else if (JSON.stringify(ours) !== JSON.stringify(tag)) {
      notes.push(`tag "${tag.id}" is defined differently in the file; the library's definition ("${ours.name}") was kept`);
    }
  }

  const articles: Article[] = [];
  const olderTexts = new Map<string, string[]>();
  const unanchored = new Map<string, UnanchoredAnnotation[]>();
  const known = new Set(library.articles.map((a) => a.id));
  for (const article of project.articles) {
    const where = `article "${article.id}"`;
    if (hashOf(article.text) !== article.hash) errors.push(`${where}: its text does not match its hash`);
    if (article.length !== article.text.length) errors.push(`${where}: its length ${article.length} is not its text's ${article.text.length}`);
    const ours = libraryArticles.get(article.id);
    if (ours && ours.hash !== article.hash) {
      errors.push(`${where}: the library holds another text under this id`);
    } else if (ours) {
      const changed = META_FIELDS.filter((f) => (ours[f] ?? null) !== (article[f] ?? null));
      if (changed.length > 0) notes.push(`${where}: the library's ${changed.join(', ')} kept`);
    } else {
      const { annotations: _a, rejectedSuggestions: _r, rejectedDisagreements: _d, versionTexts, unanchored: kept, ...fields } = article;
      if (!fields.versions) {
        articles.push(fields);
      } else if (!versionTexts) {
        // A file without the older texts (written before they were exported): the current text alone.
        const { versions: _v, ...current } = fields;
        articles.push(current);
        notes.push(`${where}: the file holds only the current version of its text; imported as one version`);
      } else {
        const versionProblem = checkVersions(fields, versionTexts, kept ?? [], codebook, hashOf);
        if (versionProblem) errors.push(`${where}: ${versionProblem}`);
        articles.push(fields);
        olderTexts.set(article.id, versionTexts);
        if (kept && kept.length > 0) unanchored.set(article.id, kept);
      }
      known.add(article.id);
    }
  }

  // Annotations: offsets and tags checked, then merged.
  const annotations = new Map<string, Annotation[]>();
  const rejectedSuggestions = new Map<string, string[]>();
  /** File annotation → the annotation it is in the library after the import. */
  const resolved = new Map<string, AnnotationRef>();
  let imported = 0;
  let skipped = 0;
  let rejectedCount = 0;
  for (const article of project.articles) {
    const existing = library.files.get(article.id) ?? { annotations: [], rejectedSuggestions: [] };
    const byId = new Map(existing.annotations.map((a) => [a.id, a]));
    const bySpot = new Map(existing.annotations.map((a) => [spotKey(a), a]));
    const added: Annotation[] = [];
    for (const annotation of article.annotations) {
      const where = `annotation "${annotation.id}" of article "${article.id}"`;
      if (annotation.articleId !== article.id) {
        errors.push(`${where}: it names article "${annotation.articleId}"`);
        continue;
      }
      if (annotation.start >= annotation.end || annotation.end > article.text.length) {
        errors.push(`${where}: ${annotation.start}–${annotation.end} falls outside the article's ${article.text.length} characters`);
        continue;
      }
      if (splitsSurrogatePair(article.text, annotation.start) || splitsSurrogatePair(article.text, annotation.end)) {
        errors.push(`${where}: ${annotation.start}–${annotation.end} splits a character written with two UTF-16 code units (an emoji, say)`);
        continue;
      }
      if (article.text.slice(annotation.start, annotation.end) !== annotation.exact) {
        errors.push(`${where}: the text at ${annotation.start}–${annotation.end} is not its quote`);
        continue;
      }
      const tag = codebook.get(annotation.tagId);
      if (!tag) {
        errors.push(`${where}: unknown tag "${annotation.tagId}"`);
        continue;
      }
      const same = byId.get(annotation.id) ?? bySpot.get(spotKey(annotation));
      if (same) {
        skipped++;
        if (same.id === annotation.id && !sameAnnotation(same, annotation)) {
          notes.push(`${where} differs from the library's; the library's was kept`);
        }
        resolved.set(refKey({ articleId: article.id, annotationId: annotation.id }), { articleId: article.id, annotationId: same.id });
        continue;
      }
      const values = keptValues(tag, annotation.attributes);
      if (values.dropped.length > 0) notes.push(`${where}: ${values.dropped.join(', ')} left out (not valid for the library's tag "${tag.name}")`);
      const next = { ...annotation, attributes: values.kept };
      added.push(next);
      byId.set(next.id, next);
      bySpot.set(spotKey(next), next);
      resolved.set(refKey({ articleId: article.id, annotationId: annotation.id }), { articleId: article.id, annotationId: next.id });
      imported++;
    }
    if (added.length > 0) annotations.set(article.id, added);
    const rejected = new Set(existing.rejectedSuggestions);
    const newRejected = [...new Set(article.rejectedSuggestions)].filter((id) => !rejected.has(id));
    if (newRejected.length > 0) {
      rejectedSuggestions.set(article.id, newRejected);
      rejectedCount += newRejected.length;
    }
  }

  // Annotations kept with an older version stay members of their groups and links.
  for (const [articleId, kept] of unanchored) for (const a of kept) resolved.set(refKey({ articleId, annotationId: a.id }), { articleId, annotationId: a.id });

  /** A reference in the file → the annotation it means in the library, or an error. */
  const resolve = (ref: AnnotationRef, where: string): AnnotationRef | null => {
    const found = resolved.get(refKey(ref));
    if (found) return found;
    if (!known.has(ref.articleId)) {
      errors.push(`${where}: unknown article "${ref.articleId}"`);
      return null;
    }
    if (library.files.get(ref.articleId)?.annotations.some((a) => a.id === ref.annotationId)) return ref;
    errors.push(`${where}: unknown annotation "${ref.annotationId}" of article "${ref.articleId}"`);
    return null;
  };

  const groups: Group[] = [];
  const groupMembers = new Map<string, AnnotationRef[]>();
  const libraryGroups = new Map(library.groups.map((g) => [g.id, g]));
  for (const group of project.groups) {
    const members: AnnotationRef[] = [];
    for (const member of group.members) {
      const ref = resolve(member, `group "${group.id}"`);
      if (ref && !members.some((m) => sameAnnotationRef(m, ref))) members.push(ref);
    }
    const ours = libraryGroups.get(group.id);
    if (!ours) groups.push({ ...group, members });
    else {
      const extra = members.filter((m) => !ours.members.some((o) => sameAnnotationRef(o, m)));
      if (extra.length > 0) groupMembers.set(group.id, extra);
    }
  }

  const sourceLinks: SourceLink[] = [];
  const linkIds = new Set(library.sourceLinks.map((l) => l.id));
  for (const link of project.sourceLinks) {
    const quote = resolve(link.quote, `source link "${link.id}"`);
    const source = resolve(link.source, `source link "${link.id}"`);
    if (!quote || !source || linkIds.has(link.id)) continue;
    const all = [...library.sourceLinks, ...sourceLinks];
    if (all.some((l) => sameAnnotationRef(l.quote, quote) && sameAnnotationRef(l.source, source))) continue;
    sourceLinks.push({ ...link, quote, source });
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    plan: {
      articles,
      olderTexts,
      unanchored,
      tags,
      annotations,
      rejectedSuggestions,
      groups,
      groupMembers,
      sourceLinks,
      report: {
        articlesImported: articles.length,
        tagsImported: tags.length,
        annotationsImported: imported,
        annotationsSkipped: skipped,
        annotationsApproximate: 0,
        unknownTags: [],
        tagsCreated: [],
        groupsImported: groups.length,
        linksImported: sourceLinks.length,
        rejectedSuggestionsImported: rejectedCount,
        problems: [],
        notes,
      },
    },
  };
}

/**
 * Why a new article's versions cannot be stored as the file gives them, or null: each older text must
 * match its listed hash and length, and each annotation kept with a version must be that version's text
 * at its offsets, with a known tag.
 */
function checkVersions(
  article: Article,
  versionTexts: readonly string[],
  kept: readonly UnanchoredAnnotation[],
  codebook: ReadonlyMap<string, Tag>,
  hashOf: (text: string) => string,
): string | null {
  const versions = article.versions ?? [];
  if (versionTexts.length !== versions.length - 1) return `it lists ${versions.length} versions but holds ${versionTexts.length + 1} texts`;
  const last = versions[versions.length - 1]!;
  if (last.hash !== article.hash) return `its last version is not its text`;
  for (const [i, text] of versionTexts.entries()) {
    if (hashOf(text) !== versions[i]!.hash || text.length !== versions[i]!.length) return `the text of version ${i + 1} does not match its hash`;
  }
  for (const a of kept) {
    const text = versionTexts[a.version - 1];
    const where = `annotation "${a.id}" kept with version ${a.version}`;
    if (a.articleId !== article.id) return `${where} names article "${a.articleId}"`;
    if (text === undefined) return `${where}: there is no older version ${a.version}`;
    if (a.start >= a.end || a.end > text.length || text.slice(a.start, a.end) !== a.exact) return `${where}: the text at ${a.start}–${a.end} is not its quote`;
    if (!codebook.has(a.tagId)) return `${where}: unknown tag "${a.tagId}"`;
  }
  return null;
}

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

const META_FIELDS = ['title', 'date', 'outlet', 'author', 'url', 'language', 'note'] as const;

function duplicates(ids: readonly string[], what: string, errors: string[]): void {
  const seen = new Set<string>();
  const reported = new Set<string>();
  for (const id of ids) {
    if (seen.has(id) && !reported.has(id)) {
      errors.push(`the ${what} id "${id}" appears more than once`);
      reported.add(id);
    }
    seen.add(id);
  }
}

/** What makes two annotations the same passage of the same person: article, tag, range and creator. */
const spotKey = (a: Pick<Annotation, 'articleId' | 'tagId' | 'start' | 'end' | 'creator'>): string =>
  JSON.stringify([a.articleId, a.tagId, a.start, a.end, a.creator]);

const refKey = (ref: AnnotationRef): string => `${ref.articleId}\u0000${ref.annotationId}`;

function sameAnnotation(a: Annotation, b: Annotation): boolean {
  const sorted = (values: Record<string, AttributeValue>) => JSON.stringify(Object.entries(values).sort(([x], [y]) => (x < y ? -1 : 1)));
  return (
    a.tagId === b.tagId &&
    a.start === b.start &&
    a.end === b.end &&
    a.note === b.note &&
    a.creator === b.creator &&
    a.created === b.created &&
    a.modified === b.modified &&
    sorted(a.attributes) === sorted(b.attributes)
  );
}

/** The values valid for the tag (one by one), and the ids of those that are not. */
function keptValues(tag: Tag, values: Readonly<Record<string, AttributeValue>>): { kept: Record<string, AttributeValue>; dropped: string[] } {
  const kept: Record<string, AttributeValue> = Object.create(null) as Record<string, AttributeValue>;
  const dropped: string[] = [];
  for (const [id, value] of Object.entries(values)) {
    const check = checkAttributeValues(tag, { [id]: value });
    if (check.ok) Object.assign(kept, check.values);
    else dropped.push(`attribute "${id}"`);
  }
  return { kept, dropped };
}
