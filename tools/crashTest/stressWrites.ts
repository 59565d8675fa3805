/**
 * Continuous annotation writes for the crash-safety proof: one worker per
 * article creates, updates (note and tag) and deletes annotations, one write
 * at a time per article and all articles side by side. Before each write it
 * emits a `begin` event and once the core's promise has resolved (the file is
 * on disk) an `ack` event, so a reader of the events knows every
 * acknowledged write and the one per article that may be in flight. Notes
 * are unique ("<seed>-<article index>-<n> …"), so an unacknowledged create can be recognised
 * on disk by its note.
 */
import type { TriangulateApi } from '../../src/shared/contract/contract';
import { randomInt, seededRandom } from '../seededRandom';

export type StressOp = 'create' | 'update' | 'delete';

export type StressEvent =
  | { t: 'ready'; pid: number; articles: number }
  | { t: 'begin'; article: string; op: StressOp; id: string | null; note: string | null; tagId: string | null }
  | { t: 'ack'; article: string; op: StressOp; id: string; note: string | null; tagId: string | null }
  | { t: 'fail'; article: string; op: StressOp; error: string }
  | { t: 'done'; writes: number };

export type StressApi = Pick<
  TriangulateApi,
  'listArticles' | 'getArticle' | 'getCodebook' | 'listAnnotations' | 'createAnnotation' | 'updateAnnotation' | 'deleteAnnotation'
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

export async function runStressWrites(api: StressApi, options: StressOptions): Promise<number> {
  const tags = (await api.getCodebook({})).map((t) => t.id);
  const articles = await api.listArticles({});
  const texts = new Map<string, string>();
  const ids = new Map<string, string[]>();
  for (const { id } of articles) {
    texts.set(id, (await api.getArticle({ id })).text);
    ids.set(id, (await api.listAnnotations({ articleId: id })).map((a) => a.id));
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
    while (more()) {
      writes++;
      const r = random();
      const op: StressOp = mine.length === 0 || (r < 0.45 && mine.length < CROWDED) ? 'create' : r < 0.8 ? 'update' : 'delete';
      try {
        if (op === 'create') {
          const start = nonSpaceOffset(text, random);
          const end = Math.min(text.length, start + randomInt(random, 1, 80));
          const note = newNote();
          const tagId = tags[randomInt(random, 0, tags.length - 1)]!;
          options.emit({ t: 'begin', article, op, id: null, note, tagId });
          const created = await api.createAnnotation({ articleId: article, tagId, start, end, note });
          mine.push(created.id);
          options.emit({ t: 'ack', article, op, id: created.id, note: created.note, tagId: created.tagId });
        } else if (op === 'update') {
          const id = mine[randomInt(random, 0, mine.length - 1)]!;
          const note = newNote();
          const tagId = random() < 0.3 ? tags[randomInt(random, 0, tags.length - 1)]! : null;
          options.emit({ t: 'begin', article, op, id, note, tagId });
          const updated = await api.updateAnnotation({ articleId: article, id, note, ...(tagId ? { tagId } : {}) });
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

  await Promise.all(articles.map((a, index) => worker(a.id, index)));
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
