/**
 * Crash consistency of the changes that delete annotations and then clean
 * links.json up (deleteAnnotation, deleting a tag with its annotations): a
 * small intent log in <data>/pending/. Before the first annotation file is
 * written, an intent naming the articles concerned is saved (atomically and
 * durably); once links.json is clean it is removed. A process killed between
 * the two writes leaves the intent, and the next start (repairPendingUnlinks)
 * drops from links.json every group member and credit of those articles
 * whose annotation no longer exists, then removes the intent. So after a
 * kill at any point, a restart finds no group or credit pointing at a
 * deleted annotation. An intent left over is harmless: the repair only
 * removes references that dangle.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { AnnotationRef } from '../../shared/crossArticle/crossArticle';
import { ArticleIdSchema } from '../../shared/model/model';
import type { DataStore } from './dataStore';
import type { LinkStore } from './linkStore';
import { quarantineCorruptFile } from '../safety/quarantineCorruptFile';
import { readDataEntry } from '../safety/readDataEntry';
import { withoutAnnotation } from '../../shared/crossArticle/withoutAnnotation';
import { writeFileAtomic } from './writeFileAtomic';

export const PENDING_DIR = 'pending';

const IntentSchema = z.object({
  intent: z.literal('unlink-deleted'),
  /** The articles whose deleted annotations links.json may still mention; "all" for every article. */
  articles: z.union([z.literal('all'), z.array(ArticleIdSchema)]),
});
type Intent = z.infer<typeof IntentSchema>;

/** An intent saved; `done` removes it once links.json is clean. */
export interface PendingUnlink {
  done(): Promise<void>;
}

/** Saves the intent to clean links.json up after deleting annotations of `articles`. */
export async function beginUnlink(dataDir: string, articles: readonly string[] | 'all'): Promise<PendingUnlink> {
  await mkdir(join(dataDir, PENDING_DIR), { recursive: true });
  const path = join(dataDir, PENDING_DIR, `${randomUUID()}.json`);
  const intent: Intent = { intent: 'unlink-deleted', articles: articles === 'all' ? 'all' : [...articles] };
  await writeFileAtomic(path, `${JSON.stringify(intent)}\n`);
  return {
    // Not removing it is harmless (the repair is idempotent): an error here is not the change's error.
    done: () => unlink(path).catch(() => undefined),
  };
}

/** The intents left in the folder, by file name (one that cannot be read counts as "all"). */
export async function readPendingUnlinks(dataDir: string): Promise<{ file: string; articles: readonly string[] | 'all'; readable: boolean }[]> {
  const dir = join(dataDir, PENDING_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  const found: { file: string; articles: readonly string[] | 'all'; readable: boolean }[] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.') || !name.endsWith('.json')) continue;
    const read = await readDataEntry(join(dir, name));
    if (read.state === 'missing') continue;
    let parsed: Intent | null = null;
    if (read.state === 'ok') {
      try {
        parsed = IntentSchema.parse(JSON.parse(read.bytes.toString('utf8')));
      } catch {
        parsed = null;
      }
    }
    found.push({ file: `${PENDING_DIR}/${name}`, articles: parsed?.articles ?? 'all', readable: parsed !== null });
  }
  return found;
}

/**
 * At start: completes the clean-ups a crash cut short. Returns how many
 * group members and credits it dropped.
 */
export async function repairPendingUnlinks(dataDir: string, store: DataStore, links: LinkStore, now: () => Date): Promise<number> {
  const pending = await readPendingUnlinks(dataDir);
  if (pending.length === 0) return 0;
  const all = pending.some((p) => p.articles === 'all');
  const articles = new Set(pending.flatMap((p) => (p.articles === 'all' ? [] : p.articles)));
  const concerned = (articleId: string): boolean => all || articles.has(articleId);

  /** Annotation ids per article: null for an article that is gone (it holds none), "unknown" when its file cannot be read. */
  const existing = new Map<string, Set<string> | null | 'unknown'>();
  const exists = async (ref: AnnotationRef): Promise<boolean> => {
    if (!existing.has(ref.articleId)) {
      existing.set(
        ref.articleId,
        store.article(ref.articleId)
          ? await store.annotations(ref.articleId).then((list) => new Set(list.map((a) => a.id)), () => 'unknown' as const)
          : null,
      );
    }
    const ids = existing.get(ref.articleId);
    // A file that cannot be read says nothing: its references stay (the health check reports the file).
    if (ids === 'unknown') return true;
    return ids?.has(ref.annotationId) ?? false;
  };

  const dropped = await links.update(async (current) => {
    let state = { groups: current.groups, sourceLinks: current.sourceLinks };
    let count = 0;
    const stamp = now().toISOString();
    const refs = [...current.groups.flatMap((g) => g.members), ...current.sourceLinks.flatMap((l) => [l.quote, l.source])];
    for (const ref of refs) {
      if (!concerned(ref.articleId) || (await exists(ref))) continue;
      const next = withoutAnnotation(state, ref, stamp);
      if (next.changed) {
        count++;
        state = { groups: next.groups, sourceLinks: next.sourceLinks };
      }
    }
    return count > 0 ? { groups: [...state.groups], sourceLinks: [...state.sourceLinks], result: count } : { result: 0 };
  });
  for (const p of pending) {
    // An intent that could not be read is kept in quarantine/, not deleted.
    if (p.readable) await unlink(join(dataDir, ...p.file.split('/'))).catch(() => undefined);
    else await quarantineCorruptFile(dataDir, p.file).catch(() => undefined);
  }
  return dropped;
}
