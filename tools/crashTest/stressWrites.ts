/**
 * Continuous annotation writes for the crash-safety proof: one worker per
 * article creates, updates (note and tag) and deletes annotations, and
 * groups them and credits its quotes to its sources (links.json), one write
 * at a time per article and all articles side by side. Before each write it
 * emits a `begin` event and once the core's promise has resolved (the file is
 * on disk) an `ack` event, so a reader of the events knows every
 * acknowledged write and the one per article that may be in flight. Notes
 * are unique ("<seed>-<article index>-<n> …"), so an unacknowledged create can be recognised
 * on disk by its note. Once per run, at a seeded moment, the first article gets a new version of its
 * text (its text with a paragraph added at the end, imported as a new version of it): a kill can land
 * between the version's text file, index.json and the re-anchored annotation file. The text before
 * the added paragraph is unchanged, so every annotation stays where it is and the durability check holds.
 */
import type { TriangulateApi } from '../../src/shared/contract/contract';
import { randomInt, seededRandom } from '../seededRandom';

export type StressOp = 'create' | 'update' | 'delete';

export type StressEvent =
  | { t: 'ready'; pid: number; articles: number }
  | { t: 'begin'; article: string; op: StressOp; id: string | null; note: string | null; tagId: string | null }
  | { t: 'ack'; article: string; op: StressOp; id: string; note: string | null; tagId: string | null }
  | { t: 'fail'; article: string; op: StressOp; error: string }
  /** A group or a credit (Quote→Source link) made within one article: links.json changed (not checked for durability). */
  | { t: 'linked'; article: string; kind: 'group' | 'credit' | 'ungroup' }
  /** A new version of the article's text was stored (not checked for durability; the cross-file check covers it). */
  | { t: 'versioned'; article: string; version: number }
  | { t: 'done'; writes: number };

export type StressApi = Pick<
  TriangulateApi,
  | 'listArticles'
  | 'getArticle'
  | 'getCodebook'
  | 'listAnnotations'
  | 'createAnnotation'
  | 'updateAnnotation'
  | 'deleteAnnotation'
  | 'listGroups'
  | 'createGroup'
  | 'deleteGroup'
  | 'linkSource'
  | 'importArticles'
>;

export interface StressOptions {
  seed: number;
  /** Stop after this many writes in all (default: never; the process is killed). */
  maxWrites?: number;
  emit(event: StressEvent): void;
}

/** Some notes carry characters that JSON escapes or that take several bytes. */
const FLAVOURS = ['', 'plain words', 'quotes " and \\ backslash', 'Ünïcødé — “curly” 🎯', 'line\nbreak\ttab', '<b>not markup</b>'];
/** Above this many annotations an article's worker mostly deletes, keeping files small. */
const CROWDED = 40;
/** Groups each article's worker keeps; the oldest goes when it makes one more. */
const MAX_GROUPS = 8;

export async function runStressWrites(api: StressApi, options: StressOptions): Promise<number> {
  const tags = (await api.getCodebook({})).map((t) => t.id);
  const articles = await api.listArticles({});
  const texts = new Map<string, string>();
  const ids = new Map<string, string[]>();
  const tagOf = new Map<string, string>();
  for (const { id } of articles) {
    texts.set(id, (await api.getArticle({ id })).text);
    const annotations = await api.listAnnotations({ articleId: id });
    ids.set(id, annotations.map((a) => a.id));
    for (const a of annotations) tagOf.set(a.id, a.tagId);
  }
  // Groups made by earlier runs, by the one article their members are in.
  const groupsOf = new Map<string, string[]>();
  for (const group of await api.listGroups({})) {
    const article = group.members[0]?.articleId;
    if (article && group.members.every((m) => m.articleId === article)) groupsOf.set(article, [...(groupsOf.get(article) ?? []), group.id]);
  }
  options.emit({ t: 'ready', pid: process.pid, articles: articles.length });

  let writes = 0;
  const more = () => options.maxWrites === undefined || writes < options.maxWrites;

  // Each article has its own generator, so its sequence of writes depends on the seed alone.
  const worker = async (article: string, index: number): Promise<void> => {
    const random = seededRandom(options.seed * 1009 + index);
    let counter = 0;
    const newNote = () => `${options.seed}-${index}-${++counter} ${FLAVOURS[randomInt(random, 0, FLAVOURS.length - 1)]}`;
    const text = texts.get(article)!;
    const mine = ids.get(article)!;
    const groups = groupsOf.get(article) ?? [];
    while (more()) {
      writes++;
      const r = random();
      // Groups and credits within the article: the deletes that follow must clean links.json up (checked by the kill loop).
      const linking = r >= 0.65 && r < 0.82 && mine.length > 0;
      if (linking) {
        const quotes = mine.filter((id) => tagOf.get(id) === 'quote');
        const sources = mine.filter((id) => tagOf.get(id) === 'source');
        if (r < 0.75 || quotes.length === 0 || sources.length === 0) {
          if (groups.length >= MAX_GROUPS) {
            await api.deleteGroup({ id: groups.shift()! });
            options.emit({ t: 'linked', article, kind: 'ungroup' });
          }
          const members = [...new Set([0, 1, 2].map(() => mine[randomInt(random, 0, mine.length - 1)]!))];
          const group = await api.createGroup({ label: `${options.seed}-${index}`, members: members.map((annotationId) => ({ articleId: article, annotationId })) });
          groups.push(group.id);
          options.emit({ t: 'linked', article, kind: 'group' });
        } else {
          const quote = quotes[randomInt(random, 0, quotes.length - 1)]!;
          const source = sources[randomInt(random, 0, sources.length - 1)]!;
          await api.linkSource({ quote: { articleId: article, annotationId: quote }, source: { articleId: article, annotationId: source } });
          options.emit({ t: 'linked', article, kind: 'credit' });
        }
        continue;
      }
      const op: StressOp = mine.length === 0 || (r < 0.4 && mine.length < CROWDED) ? 'create' : r < 0.65 ? 'update' : 'delete';
      try {
        if (op === 'create') {
          const start = nonSpaceOffset(text, random);
          const end = Math.min(text.length, start + randomInt(random, 1, 80));
          const note = newNote();
          const tagId = tags[randomInt(random, 0, tags.length - 1)]!;
          options.emit({ t: 'begin', article, op, id: null, note, tagId });
          const created = await api.createAnnotation({ articleId: article, tagId, start, end, note });
          mine.push(created.id);
          tagOf.set(created.id, created.tagId);
          options.emit({ t: 'ack', article, op, id: created.id, note: created.note, tagId: created.tagId });
        } else if (op === 'update') {
          const id = mine[randomInt(random, 0, mine.length - 1)]!;
          const note = newNote();
          const tagId = random() < 0.3 ? tags[randomInt(random, 0, tags.length - 1)]! : null;
          options.emit({ t: 'begin', article, op, id, note, tagId });
          const updated = await api.updateAnnotation({ articleId: article, id, note, ...(tagId ? { tagId } : {}) });
          tagOf.set(id, updated.tagId);
          options.emit({ t: 'ack', article, op, id, note: updated.note, tagId: updated.tagId });
        } else {
          const at = randomInt(random, 0, mine.length - 1);
          const id = mine[at]!;
          options.emit({ t: 'begin', article, op, id, note: null, tagId: null });
          await api.deleteAnnotation({ articleId: article, id });
          mine.splice(at, 1);
          options.emit({ t: 'ack', article, op, id, note: null, tagId: null });
        }
      } catch (error) {
        options.emit({ t: 'fail', article, op, error: error instanceof Error ? error.message : String(error) });
        throw error;
      }
    }
  };

  // One new version of the first article's text per run, after a seeded number of writes.
  const versioner = async (article: string): Promise<void> => {
    const random = seededRandom(options.seed * 7919);
    const after = randomInt(random, 3, 40);
    while (more() && writes < after) await new Promise((r) => setTimeout(r, 5));
    if (!more()) return;
    const text = `${(await api.getArticle({ id: article })).text}\n\nUpdate ${options.seed}: the story was changed after publication.`;
    const report = await api.importArticles({ files: [{ name: `update-${options.seed}.txt`, data: Buffer.from(text).toString('base64'), replaces: article }] });
    const added = report.versions[0];
    if (!added) throw new Error(`the new version of ${article} was not stored: ${JSON.stringify(report.failures)}`);
    options.emit({ t: 'versioned', article, version: added.version });
  };

  await Promise.all([...articles.map((a, index) => worker(a.id, index)), ...(articles[0] ? [versioner(articles[0].id)] : [])]);
  options.emit({ t: 'done', writes });
  return writes;
}

/** An offset whose character is not white space (a selection of only white space is refused). */
function nonSpaceOffset(text: string, random: () => number): number {
  for (;;) {
    const at = randomInt(random, 0, text.length - 1);
    if (/\S/.test(text[at]!)) return at;
  }
}
