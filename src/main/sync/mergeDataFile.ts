/**
 * The three-way merge of one shared data file (see syncLayout): index.json
 * (articles and codebook by id; settings are each coder's own and never
 * shared), links.json (groups and credits by id), annotations/<article>.json
 * (annotations, unanchored annotations and rejected suggestions by id),
 * entities.json (the people index's corrections, replayed in order: those
 * both sides still hold, then ours, then theirs that are new). A
 * missing file is an empty one. Each side's files must already have passed
 * the store's checks (parseStoreFile); the merged file is checked again by
 * the caller before anything is written.
 */
import type { DisagreementRejection } from '../../shared/agreement/adjudication';
import { SCHEMA_VERSION, type Annotation, type ArticleMeta, type Tag, type UnanchoredAnnotation } from '../../shared/model/model';
import type { Group, SourceLink } from '../../shared/crossArticle/crossArticle';
import type { AnnotationFile, EntitiesFile, IndexFile, LinksFile } from '../store/storeFileSchemas';
import { mergeById, type ItemConflict, type MergeByIdOptions } from './mergeById';
import { SHARED_SETTINGS } from './syncLayout';

/** A conflict as the conflicts file keeps it: which file and kind of item. */
export interface SyncConflict extends ItemConflict {
  file: string;
  kind: 'article' | 'tag' | 'annotation' | 'unanchored annotation' | 'group' | 'credit' | 'text';
}

/** When each side last committed: the edit time of items that carry none (tags, articles). */
export interface SideTimes {
  local: string;
  remote: string;
}

export interface MergedFile<T> {
  value: T | null;
  conflicts: SyncConflict[];
}

type Three<T> = { base: T | null; ours: T | null; theirs: T | null };

export function mergeIndexFile(files: Three<IndexFile>, times: SideTimes): MergedFile<IndexFile> {
  const conflicts: SyncConflict[] = [];
  const file = 'index.json';
  const articles = mergeById<ArticleMeta>(
    files.base?.articles ?? [],
    files.ours?.articles ?? [],
    files.theirs?.articles ?? [],
    bySideTime((a) => a.id, times),
  );
  const codebook = mergeById<Tag>(files.base?.codebook ?? [], files.ours?.codebook ?? [], files.theirs?.codebook ?? [], bySideTime((t) => t.id, times));
  conflicts.push(...tagged(articles.conflicts, file, 'article'), ...tagged(codebook.conflicts, file, 'tag'));
  const keys = keysOnly(codebook.items);
  return {
    value: { schemaVersion: SCHEMA_VERSION, articles: articles.items, codebook: keys, settings: { ...SHARED_SETTINGS } },
    conflicts,
  };
}

export function mergeLinksFile(files: Three<LinksFile>): MergedFile<LinksFile> {
  const file = 'links.json';
  if (!files.ours && !files.theirs) return { value: null, conflicts: [] };
  const groups = mergeById<Group>(files.base?.groups ?? [], files.ours?.groups ?? [], files.theirs?.groups ?? [], {
    id: (g) => g.id,
    time: (g) => g.modified,
  });
  const sourceLinks = mergeById<SourceLink>(files.base?.sourceLinks ?? [], files.ours?.sourceLinks ?? [], files.theirs?.sourceLinks ?? [], {
    id: (l) => l.id,
    time: (l) => l.created,
  });
  return {
    value: { schemaVersion: SCHEMA_VERSION, groups: groups.items, sourceLinks: sourceLinks.items },
    conflicts: [...tagged(groups.conflicts, file, 'group'), ...tagged(sourceLinks.conflicts, file, 'credit')],
  };
}

/**
 * The people index's corrections: a list replayed in order, so there is no
 * conflict to report — a correction either side removed is gone, and each
 * side's new ones follow the common ones (ours first), each once.
 */
export function mergeEntitiesFile(files: Three<EntitiesFile>): MergedFile<EntitiesFile> {
  if (!files.ours && !files.theirs) return { value: null, conflicts: [] };
  const key = (c: EntitiesFile['corrections'][number]): string => JSON.stringify(c);
  const ours = files.ours?.corrections ?? [];
  const theirs = files.theirs?.corrections ?? [];
  const base = new Set((files.base?.corrections ?? []).map(key));
  const inOurs = new Set(ours.map(key));
  const inTheirs = new Set(theirs.map(key));
  const seen = new Set<string>();
  const corrections: EntitiesFile['corrections'] = [];
  const add = (c: EntitiesFile['corrections'][number]): void => {
    const k = key(c);
    if (seen.has(k)) return;
    seen.add(k);
    corrections.push(c);
  };
  for (const c of ours) if (!base.has(key(c)) || inTheirs.has(key(c))) add(c);
  for (const c of theirs) if (!base.has(key(c)) || inOurs.has(key(c))) add(c);
  return { value: { schemaVersion: SCHEMA_VERSION, corrections }, conflicts: [] };
}

export function mergeAnnotationFile(file: string, articleId: string, files: Three<AnnotationFile>): MergedFile<AnnotationFile> {
  if (!files.ours && !files.theirs) return { value: null, conflicts: [] };
  const byTime = { id: (a: Annotation) => a.id, time: (a: Annotation) => a.modified };
  const annotations = mergeById<Annotation>(files.base?.annotations ?? [], files.ours?.annotations ?? [], files.theirs?.annotations ?? [], byTime);
  const unanchored = mergeById<UnanchoredAnnotation>(
    files.base?.unanchored ?? [],
    files.ours?.unanchored ?? [],
    files.theirs?.unanchored ?? [],
    byTime,
  );
  const rejected = mergeById<string>(
    files.base?.rejectedSuggestions ?? [],
    files.ours?.rejectedSuggestions ?? [],
    files.theirs?.rejectedSuggestions ?? [],
    { id: (s) => s, time: () => undefined },
  );
  const rejectedDisagreements = mergeById<DisagreementRejection>(
    files.base?.rejectedDisagreements ?? [],
    files.ours?.rejectedDisagreements ?? [],
    files.theirs?.rejectedDisagreements ?? [],
    { id: (r) => r.key, time: (r) => r.at ?? undefined },
  );
  // Who rejected a suggestion: kept for the rejections the merge kept (ours where both sides say).
  const rejectedBy = Object.create(null) as AnnotationFile['rejectedBy'];
  for (const id of rejected.items) {
    const by = files.ours?.rejectedBy[id] ?? files.theirs?.rejectedBy[id];
    if (by) rejectedBy[id] = by;
  }
  // Different text versions: the older one, so the store re-anchors the whole file onto the current text when it reads it.
  const versions = [files.ours?.textVersion, files.theirs?.textVersion].filter((v): v is number => v !== undefined);
  return {
    value: {
      schemaVersion: SCHEMA_VERSION,
      articleId,
      annotations: annotations.items,
      rejectedSuggestions: rejected.items,
      rejectedBy,
      rejectedDisagreements: rejectedDisagreements.items,
      textVersion: Math.min(...versions),
      unanchored: unanchored.items,
    },
    conflicts: [...tagged(annotations.conflicts, file, 'annotation'), ...tagged(unanchored.conflicts, file, 'unanchored annotation')],
  };
}

function bySideTime<T>(id: (item: T) => string, times: SideTimes): MergeByIdOptions<T> {
  return { id, time: (_item, side) => times[side] };
}

function tagged(conflicts: ItemConflict[], file: string, kind: SyncConflict['kind']): SyncConflict[] {
  return conflicts.map((c) => ({ ...c, file, kind }));
}

/** A keyboard key belongs to one tag: when the merge gave two tags the same key, the later one in the codebook gives it up. */
function keysOnly(tags: Tag[]): Tag[] {
  const used = new Set<number>();
  return tags.map((t) => {
    if (t.key === null) return t;
    if (used.has(t.key)) return { ...t, key: null };
    used.add(t.key);
    return t;
  });
}
