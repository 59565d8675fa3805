/**
 * Data folders written before the one id rule (idFormat.ts: a safe set of
 * characters, never `__proto__`, `constructor` or `prototype`) may hold ids
 * that break it: a tag "my tag", an annotation "a/1", an article
 * "constructor". The store's schemas refuse those now, so such a folder would
 * no longer open. At start, before the store reads anything, every such id is
 * RENAMED to a safe one (its unsafe characters replaced by "_", a reserved
 * name prefixed, a number added when that is taken) and every reference
 * follows: annotations' articleId, tagId and attribute keys, the codebook's
 * attribute ids, groups' members and Quote→Source links in links.json, the
 * text and annotation files named after an article. A copy of every file it
 * changes is kept first in quarantine/before-id-migration.<time>/ (with
 * RENAMED.txt listing each change; while the renaming runs it is
 * quarantine/id-migration-in-progress/, put back over the folder at the next
 * start if the process was killed part way, and the renaming done again), counts.json (derived) is made again, and
 * the changes are reported once (the lines returned; the core prints them).
 * Then a marker (.id-rule-checked) is written so that later starts do not
 * read every file again. Files that cannot be read or parsed are left alone
 * for the health check and recovery to deal with.
 */
import { copyFile, lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ANNOTATION_ID_MAX, ARTICLE_ID_MAX, TAG_ID_MAX, isArticleId, isReservedId, isSafeId } from '../../shared/model/idFormat';
import { writeFileAtomic } from './writeFileAtomic';
import { readDataEntry } from '../safety/readDataEntry';
import { dataFolderProblem } from './dataFolderProblem';

export const ID_RULE_MARKER = '.id-rule-checked';
/** The copy of the files a renaming changes, while it runs (quarantine/…); COMPLETE in it once the copy is whole. */
const IN_PROGRESS = 'id-migration-in-progress';
const COMPLETE = 'COMPLETE';

/** A renaming cut short (the process killed): its whole copy goes back over the half-renamed files. */
async function undoCutShortMigration(dataDir: string): Promise<void> {
  const keep = join(dataDir, 'quarantine', IN_PROGRESS);
  if (!(await exists(join(keep, COMPLETE)))) {
    // Cut short while copying: nothing was renamed yet.
    await rm(keep, { recursive: true, force: true });
    return;
  }
  for (const folder of ['', 'annotations', 'texts']) {
    for (const name of await readdir(join(keep, folder)).catch(() => [] as string[])) {
      if (!name.endsWith('.json')) continue;
      await writeFileAtomic(join(dataDir, folder, name), (await readFile(join(keep, folder, name))).toString('utf8'));
    }
  }
  await rm(join(dataDir, ID_RULE_MARKER), { force: true });
  await rm(keep, { recursive: true, force: true });
}

const ATTRIBUTE_ID = /^[A-Za-z0-9_-]+$/;
type Json = Record<string, unknown>;

/** The lines saying what was renamed (empty when nothing was), or null when the folder was checked before or holds no library. */
export async function migrateUnsafeIds(dataDir: string, now: Date = new Date()): Promise<string[] | null> {
  await undoCutShortMigration(dataDir);
  if (await exists(join(dataDir, ID_RULE_MARKER))) return null;
  // A damaged folder is the health check's and recovery's to deal with first.
  if ((await dataFolderProblem(dataDir, 'texts')) || (await dataFolderProblem(dataDir, 'annotations'))) return null;
  const index = await readJson(join(dataDir, 'index.json'));
  if (!isObject(index) || !Array.isArray(index.articles) || !Array.isArray(index.codebook)) return null;
  const links = await readJson(join(dataDir, 'links.json'));
  const annotationFiles = new Map<string, Json>();
  for (const name of await readdir(join(dataDir, 'annotations')).catch(() => [] as string[])) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue;
    const file = await readJson(join(dataDir, 'annotations', name));
    if (isObject(file) && Array.isArray(file.annotations)) annotationFiles.set(name.slice(0, -'.json'.length), file);
  }

  const lines: string[] = [];
  const allAnnotations = [...annotationFiles.values()].flatMap((f) => (f.annotations as unknown[]).filter(isObject));
  const articles = renamer(index.articles.filter(isObject).map((a) => String(a.id)), (id) => isArticleId(id), ARTICLE_ID_MAX, /[^A-Za-z0-9_.-]/g, 'article');
  const tags = renamer([...index.codebook.filter(isObject).map((t) => String(t.id)), ...allAnnotations.map((a) => String(a.tagId))], (id) => isSafeId(id, TAG_ID_MAX), TAG_ID_MAX, /[^A-Za-z0-9_.:-]/g, 'tag');
  const annotations = renamer(allAnnotations.map((a) => String(a.id)), (id) => isSafeId(id, ANNOTATION_ID_MAX), ANNOTATION_ID_MAX, /[^A-Za-z0-9_.:-]/g, 'annotation');
  const groups = isObject(links) && Array.isArray(links.groups) ? links.groups.filter(isObject) : [];
  const sourceLinks = isObject(links) && Array.isArray(links.sourceLinks) ? links.sourceLinks.filter(isObject) : [];
  const groupIds = renamer(groups.map((g) => String(g.id)), (id) => isSafeId(id, 100), 100, /[^A-Za-z0-9_.:-]/g, 'group');
  const linkIds = renamer(sourceLinks.map((l) => String(l.id)), (id) => isSafeId(id, 100), 100, /[^A-Za-z0-9_.:-]/g, 'link');
  /** Per tag (new id): its attribute ids renamed (those its definitions and its annotations use). */
  const attributeRenames = new Map<string, Map<string, string>>();
  const attributeIds = new Map<string, string[]>();
  const noteAttributes = (tagId: string, ids: string[]) => attributeIds.set(tagId, [...(attributeIds.get(tagId) ?? []), ...ids]);
  for (const tag of index.codebook.filter(isObject)) {
    noteAttributes(String(tag.id), (Array.isArray(tag.attributes) ? tag.attributes.filter(isObject) : []).map((d) => String(d.id)));
  }
  for (const a of allAnnotations) if (isObject(a.attributes)) noteAttributes(String(a.tagId), Object.keys(a.attributes));
  for (const [tagId, ids] of attributeIds) {
    const renamed = renamer(ids, (id) => id.length <= 64 && ATTRIBUTE_ID.test(id) && !isReservedId(id), 64, /[^A-Za-z0-9_-]/g, 'attribute');
    if (renamed.size > 0) attributeRenames.set(tags.get(tagId) ?? tagId, renamed);
  }
  for (const [what, map] of [['article', articles], ['tag', tags], ['annotation', annotations], ['group', groupIds], ['Quote→Source link', linkIds]] as const) {
    for (const [from, to] of map) lines.push(`the ${what} id "${from}" is now "${to}"`);
  }
  for (const [tagId, map] of attributeRenames) for (const [from, to] of map) lines.push(`the attribute id "${from}" of tag "${tagId}" is now "${to}"`);

  if (lines.length === 0) {
    await writeFile(join(dataDir, ID_RULE_MARKER), `${now.toISOString()}\n`);
    return [];
  }

  // A copy of everything that changes, first (marked complete once whole): a start cut short part way
  // through the renaming puts these back and renames again from the start.
  const keep = join(dataDir, 'quarantine', IN_PROGRESS);
  await rm(keep, { recursive: true, force: true });
  await mkdir(join(keep, 'annotations'), { recursive: true });
  await mkdir(join(keep, 'texts'), { recursive: true });
  for (const file of ['index.json', 'links.json', 'counts.json', ...[...annotationFiles.keys()].map((id) => `annotations/${id}.json`), ...[...articles.keys()].map((id) => `texts/${id}.json`)]) {
    await copyFile(join(dataDir, file), join(keep, file)).catch(() => undefined);
  }
  await writeFile(join(keep, 'RENAMED.txt'), `Ids that break Triangulate's id rule, renamed at start on ${now.toISOString()}:\n${lines.map((l) => `- ${l}\n`).join('')}`);
  await writeFileAtomic(join(keep, COMPLETE), '');

  const ref = (r: unknown): void => {
    if (!isObject(r)) return;
    if (typeof r.articleId === 'string') r.articleId = articles.get(r.articleId) ?? r.articleId;
    if (typeof r.annotationId === 'string') r.annotationId = annotations.get(r.annotationId) ?? r.annotationId;
  };
  // Texts of renamed articles under their new names.
  for (const [from, to] of articles) {
    const text = await readJson(join(dataDir, 'texts', `${from}.json`));
    if (isObject(text)) await writeFileAtomic(join(dataDir, 'texts', `${to}.json`), JSON.stringify({ ...text, id: to }));
  }
  // Annotation files.
  for (const [articleId, file] of annotationFiles) {
    const newArticleId = articles.get(articleId) ?? articleId;
    for (const a of (file.annotations as unknown[]).filter(isObject)) {
      const oldTag = String(a.tagId);
      a.id = annotations.get(String(a.id)) ?? a.id;
      a.articleId = articles.get(String(a.articleId)) ?? a.articleId;
      a.tagId = tags.get(oldTag) ?? a.tagId;
      const attrs = attributeRenames.get(String(a.tagId));
      if (attrs && isObject(a.attributes)) {
        a.attributes = Object.fromEntries(Object.entries(a.attributes).map(([k, v]) => [attrs.get(k) ?? k, v]));
      }
    }
    file.articleId = newArticleId;
    await writeFileAtomic(join(dataDir, 'annotations', `${newArticleId}.json`), JSON.stringify(file));
  }
  // links.json.
  if (isObject(links)) {
    for (const g of groups) {
      g.id = groupIds.get(String(g.id)) ?? g.id;
      if (Array.isArray(g.members)) g.members.forEach(ref);
    }
    for (const l of sourceLinks) {
      l.id = linkIds.get(String(l.id)) ?? l.id;
      ref(l.quote);
      ref(l.source);
    }
    await writeFileAtomic(join(dataDir, 'links.json'), JSON.stringify(links));
  }
  // index.json last: until it is written, a start that was cut short does it all again.
  for (const a of index.articles.filter(isObject)) a.id = articles.get(String(a.id)) ?? a.id;
  for (const t of index.codebook.filter(isObject)) {
    t.id = tags.get(String(t.id)) ?? t.id;
    const attrs = attributeRenames.get(String(t.id));
    if (attrs && Array.isArray(t.attributes)) for (const d of t.attributes.filter(isObject)) d.id = attrs.get(String(d.id)) ?? d.id;
  }
  await writeFileAtomic(join(dataDir, 'index.json'), JSON.stringify(index));
  for (const from of articles.keys()) {
    await rm(join(dataDir, 'texts', `${from}.json`), { force: true });
    if (annotationFiles.has(from)) await rm(join(dataDir, 'annotations', `${from}.json`), { force: true });
  }
  // Counted again at the next listing (its keys were tag ids).
  await rm(join(dataDir, 'counts.json'), { force: true });
  await writeFile(join(dataDir, ID_RULE_MARKER), `${now.toISOString()}\n`);
  const kept = join(dataDir, 'quarantine', `before-id-migration.${now.toISOString().replace(/:/g, '-')}`);
  await rm(join(keep, COMPLETE));
  await rename(keep, kept);
  return [...lines, `a copy of every file changed is in ${kept}`];
}

/** Old id → new id for each id that breaks the rule; new ids are safe and unique among all ids of the kind. */
function renamer(ids: readonly string[], ok: (id: string) => boolean, max: number, unsafe: RegExp, kind: string): Map<string, string> {
  const taken = new Set(ids.filter(ok));
  const renamed = new Map<string, string>();
  for (const id of new Set(ids)) {
    if (ok(id)) continue;
    let base = id.replace(unsafe, '_').slice(0, max - 4);
    if (base === '' || isReservedId(base) || !ok(base)) base = `${kind}_${base}`.replace(unsafe, '_').slice(0, max - 4);
    let candidate = base;
    for (let n = 2; taken.has(candidate) || !ok(candidate); n++) candidate = `${base}_${n}`;
    taken.add(candidate);
    renamed.set(id, candidate);
  }
  return renamed;
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A regular file's JSON (never through a link, a pipe or a device: see readDataEntry), or null. */
async function readJson(path: string): Promise<unknown> {
  const read = await readDataEntry(path);
  if (read.state !== 'ok') return null;
  try {
    return JSON.parse(read.bytes.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** A new library holds only ids made under the rule: nothing to look at at its next start. */
export async function markIdsChecked(dataDir: string, now: Date = new Date()): Promise<void> {
  await writeFile(join(dataDir, ID_RULE_MARKER), `${now.toISOString()}\n`);
}
